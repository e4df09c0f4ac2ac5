package io.siotls.testing;

import static io.siotls.iana.AlertDescription.DECRYPT_ERROR;
import static io.siotls.iana.AlertDescription.HANDSHAKE_FAILURE;
import static io.siotls.iana.AlertDescription.ILLEGAL_PARAMETER;
import static io.siotls.iana.AlertDescription.PROTOCOL_VERSION;
import static io.siotls.iana.AlertDescription.RECORD_OVERFLOW;
import static io.siotls.iana.AlertDescription.UNEXPECTED_MESSAGE;

import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.extensions.UnknownExtension;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.ContentType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
import io.siotls.messages.ServerHello;
import io.siotls.wire.TLSReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The hostile servers our client is tested against ({@code HostileServerTest} in memory,
 * {@code jsse/HostileServerSocketTest} over TCP), each with what RFC 8446 requires of the client.
 * The client is {@link Configs#clientTrusting} {@code identity} with the default groups (a share
 * for x25519, secp256r1 offered without one) and cipher suites.
 */
public final class HostileServers {

    /** A plaintext close_notify alert record: 15 03 03 00 02 01 00. */
    public static final byte[] PLAINTEXT_CLOSE_NOTIFY = {21, 3, 3, 0, 2, 1, 0};
    private static final byte[] CHANGE_CIPHER_SPEC = {20, 3, 3, 0, 1, 1};
    /** RFC 8446 §4.1.3: the last 8 bytes of ServerHello.random of a TLS 1.3 server negotiating TLS 1.2. */
    public static final byte[] DOWNGRADE_TLS12 = HexFormat.of().parseHex("444f574e47524401");
    /** RFC 8446 §4.1.3: the same, negotiating TLS 1.1 or below. */
    public static final byte[] DOWNGRADE_TLS11 = HexFormat.of().parseHex("444f574e47524400");

    private final Identity identity;

    public HostileServers(Identity identity) {
        this.identity = identity;
    }

    private static HostileServer script(String name, HostileServer.End end, List<AlertDescription> sent,
            AlertDescription raised, HostileServer.Step... steps) {
        return new HostileServer(name, List.of(steps), end, sent, raised, false);
    }

    /** The client sends {@code alert} and raises it. */
    private static HostileServer refused(String name, AlertDescription alert, HostileServer.Step... steps) {
        return script(name, HostileServer.End.STAY_OPEN, List.of(alert), alert, steps);
    }

    /** The genuine flight of a real server of ours answering the client's ClientHello. */
    private ServerFlight realFlight(byte[] clientFlight, HostileServer server) {
        ServerFlight flight = ServerFlight.answer(Configs.server(identity), clientFlight);
        server.use(flight);
        return flight;
    }

    // ---- alerts and closes -----------------------------------------------------------------------

    /**
     * The server closed before the handshake completed (RFC 8446 §6.1): a close, not an error of
     * the protocol, so the client raises {@code HandshakeClosedByPeer} (reported here as the
     * close_notify it received) and answers with its own close_notify, as OpenSSL, BoringSSL and
     * Go end such a handshake without an error alert. SunJSSE alone answers unexpected_message.
     */
    private static HostileServer closedByPeer(String name, HostileServer.End end, HostileServer.Step step) {
        return new HostileServer(name, List.of(step), end, List.of(AlertDescription.CLOSE_NOTIFY),
                AlertDescription.CLOSE_NOTIFY, true);
    }

    /** A plaintext close_notify right after the ServerHello: the handshake is closed by the server. */
    public HostileServer closeNotifyAfterServerHello() {
        return closedByPeer("close_notify after the ServerHello", HostileServer.End.STAY_OPEN, (flight, server) ->
                ServerFlight.concat(realFlight(flight, server).serverHelloRecord(), PLAINTEXT_CLOSE_NOTIFY));
    }

    /**
     * A plaintext close_notify after the whole flight: the client completed its handshake, and
     * alerts must now be protected (RFC 8446 §5.2, "an unprotected alert record after the
     * handshake"): unexpected_message, sent under the client's application keys.
     */
    public HostileServer closeNotifyAfterTheWholeFlight() {
        return refused("close_notify after the whole flight", UNEXPECTED_MESSAGE, (flight, server) ->
                ServerFlight.concat(realFlight(flight, server).bytes(), PLAINTEXT_CLOSE_NOTIFY));
    }

    /** A close_notify in answer to the ClientHello, then the TCP connection closed: closed by the server. */
    public HostileServer closeNotifyThenClose() {
        return closedByPeer("close_notify then TCP close", HostileServer.End.CLOSE,
                (flight, server) -> PLAINTEXT_CLOSE_NOTIFY.clone());
    }

    /**
     * The server's fatal handshake_failure, protected, after its EncryptedExtensions: the client
     * raises the alert it received and sends none (RFC 8446 §6.2: a fatal alert closes the
     * connection at once).
     */
    public HostileServer fatalAlertMidFlight() {
        return new HostileServer("fatal alert mid-flight", List.of((flight, server) -> {
            ServerFlight real = realFlight(flight, server);
            return ServerFlight.concat(real.serverHelloRecord(), CHANGE_CIPHER_SPEC,
                    real.protect(ContentType.HANDSHAKE, real.messages().get(0)),
                    real.protect(ContentType.ALERT, new byte[] {2, (byte) HANDSHAKE_FAILURE.code()}));
        }), HostileServer.End.STAY_OPEN, List.of(), HANDSHAKE_FAILURE, true);
    }

    /**
     * user_canceled then close_notify in answer to the ClientHello, then the TCP connection closed:
     * how a server abandons a handshake (RFC 8446 §6.1), ours among them at its
     * limits.max_handshake_duration. Not an error of the protocol: the client reports the
     * handshake canceled and closes its own sending end with close_notify, as §6.1 requires of a
     * side that sent no error alert.
     */
    public HostileServer userCanceledThenCloseNotify() {
        return closedByPeer("user_canceled, close_notify, then TCP close", HostileServer.End.CLOSE,
                (flight, server) -> ServerFlight.concat(
                        new byte[] {21, 3, 3, 0, 2, 1, (byte) AlertDescription.USER_CANCELED.code()},
                        PLAINTEXT_CLOSE_NOTIFY)).saying("user_canceled");
    }

    // ---- garbage ---------------------------------------------------------------------------------

    /**
     * An HTTP answer in place of TLS: its first five bytes read as a record whose version's major
     * byte is not 3, not TLS at all: protocol_version, as OpenSSL and BoringSSL answer (see
     * {@code RecordReader}).
     */
    public HostileServer httpResponse() {
        return script("HTTP/1.1 400 Bad Request", HostileServer.End.CLOSE, List.of(PROTOCOL_VERSION),
                PROTOCOL_VERSION, (flight, server) ->
                        "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 8446 §5: "an unexpected record type ... MUST terminate the connection with an unexpected_message alert". */
    public HostileServer badContentType() {
        return refused("a record of content type 99", UNEXPECTED_MESSAGE,
                (flight, server) -> new byte[] {99, 3, 3, 0, 2, 1, 0});
    }

    /** RFC 8446 §5.1: a TLSPlaintext longer than 2^14 bytes is record_overflow, seen from its header. */
    public HostileServer oversizedRecord() {
        return refused("a plaintext record of 2^14 + 1 bytes", RECORD_OVERFLOW,
                (flight, server) -> new byte[] {22, 3, 3, 0x40, 0x01});
    }

    /** RFC 8446 §5.2: a TLSCiphertext longer than 2^14 + 256 bytes is record_overflow (sent protected). */
    public HostileServer oversizedProtectedRecord() {
        return refused("a protected record of 2^14 + 257 bytes", RECORD_OVERFLOW, (flight, server) ->
                ServerFlight.concat(realFlight(flight, server).serverHelloRecord(), new byte[] {23, 3, 3, 0x41, 0x01}));
    }

    /** Half a ServerHello record, then the TCP connection closed: the handshake fails, no alert can be sent. */
    public HostileServer truncatedRecordThenClose() {
        return script("truncated record then TCP close", HostileServer.End.CLOSE, List.of(), null,
                (flight, server) -> Arrays.copyOf(realFlight(flight, server).serverHelloRecord(), 40));
    }

    /** Nothing at all, then the TCP connection closed. */
    public HostileServer closeRightAfterConnect() {
        return script("nothing then TCP close", HostileServer.End.CLOSE, List.of(), null,
                (flight, server) -> new byte[0]);
    }

    // ---- HelloRetryRequest -----------------------------------------------------------------------

    /** A HelloRetryRequest (TLS_AES_128_GCM_SHA256) asking for a share of secp256r1, which the client offered. */
    private static final HostileServer.Step RETRY_FOR_SECP256R1 = (flight, server) -> Records.handshake(
            retryRequest(clientHello(flight), List.of(SupportedVersionsExtension.selected(0x0304),
                    KeyShareExtension.retryWith(NamedGroup.SECP256R1.code()))));

    /** RFC 8446 §4.1.4: "If a client receives a second HelloRetryRequest ... unexpected_message". */
    public HostileServer helloRetryRequestTwice() {
        return refused("a second HelloRetryRequest", UNEXPECTED_MESSAGE, RETRY_FOR_SECP256R1, RETRY_FOR_SECP256R1);
    }

    /**
     * RFC 8446 §4.1.4: "The client MUST check that the cipher_suite provided in the ServerHello is
     * the same as that in the HelloRetryRequest and otherwise abort the handshake with an
     * illegal_parameter alert".
     */
    public HostileServer serverHelloAfterARetryWithAnotherCipherSuite() {
        return refused("ServerHello after a HelloRetryRequest, with another cipher suite", ILLEGAL_PARAMETER,
                RETRY_FOR_SECP256R1, (flight, server) -> Records.handshake(helloAfterRetry(clientHello(flight),
                        0x1302, new KeyShareEntry(NamedGroup.SECP256R1.code(), new byte[65]))));
    }

    /**
     * RFC 8446 §4.2.8: after a HelloRetryRequest the client "MUST verify that the selected
     * NamedGroup in the ServerHello is the same as that in the HelloRetryRequest", else
     * illegal_parameter; here the ServerHello answers with x25519, the group of the first share.
     */
    public HostileServer serverHelloAfterARetryWithAnotherGroup() {
        return refused("ServerHello after a HelloRetryRequest, with another group", ILLEGAL_PARAMETER,
                RETRY_FOR_SECP256R1, (flight, server) -> Records.handshake(helloAfterRetry(clientHello(flight),
                        0x1301, new KeyShareEntry(NamedGroup.X25519.code(), new byte[32]))));
    }

    private static ServerHello helloAfterRetry(ClientHello hello, int suite, KeyShareEntry share) {
        byte[] random = new byte[32];
        Arrays.fill(random, (byte) 0x33);
        return new ServerHello(0x0303, random, hello.legacySessionId(), suite, 0, ExtensionBlock.of(List.of(
                SupportedVersionsExtension.selected(0x0304), KeyShareExtension.serverShare(share))));
    }

    /**
     * RFC 8446 §4.2.8: the selected_group must be in supported_groups and not one the client sent
     * a share for, else illegal_parameter.
     */
    public HostileServer helloRetryRequestForTheGroupAlreadyShared() {
        return refused("HelloRetryRequest for the group already shared", ILLEGAL_PARAMETER,
                (flight, server) -> Records.handshake(retryRequest(clientHello(flight),
                        List.of(SupportedVersionsExtension.selected(0x0304),
                                KeyShareExtension.retryWith(NamedGroup.X25519.code())))));
    }

    /** RFC 8446 §4.2.8, as above: secp384r1 was not in supported_groups. */
    public HostileServer helloRetryRequestForAGroupNotOffered() {
        return refused("HelloRetryRequest for a group not offered", ILLEGAL_PARAMETER,
                (flight, server) -> Records.handshake(retryRequest(clientHello(flight),
                        List.of(SupportedVersionsExtension.selected(0x0304),
                                KeyShareExtension.retryWith(NamedGroup.SECP384R1.code())))));
    }

    /**
     * RFC 8446 §4.1.4: "Clients MUST abort the handshake with an illegal_parameter alert if the
     * HelloRetryRequest would not result in any change in the ClientHello" (no key_share, no cookie).
     */
    public HostileServer helloRetryRequestChangingNothing() {
        return refused("HelloRetryRequest changing nothing", ILLEGAL_PARAMETER,
                (flight, server) -> Records.handshake(retryRequest(clientHello(flight),
                        List.of(SupportedVersionsExtension.selected(0x0304)))));
    }

    private static ServerHello retryRequest(ClientHello hello, List<Extension> extensions) {
        return new ServerHello(0x0303, ServerHello.HELLO_RETRY_REQUEST_RANDOM, hello.legacySessionId(), 0x1301, 0,
                ExtensionBlock.of(extensions));
    }

    /** The ClientHello in a flight of the client (after a change_cipher_spec record, if any). */
    public static ClientHello clientHello(byte[] flight) {
        byte[] records = flight;
        while (records[0] != ContentType.HANDSHAKE.code()) {
            records = Records.afterFirst(records);
        }
        byte[] fragment = Records.firstFragment(records);
        if (fragment[0] != HandshakeType.CLIENT_HELLO.code()) {
            throw new AssertionError("no ClientHello in the client's flight");
        }
        return ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    // ---- ServerHello -----------------------------------------------------------------------------

    /** The real flight with its ServerHello changed by {@code change}. */
    private HostileServer.Step changedServerHello(UnaryOperator<ServerHello> change) {
        return (flight, server) -> {
            ServerFlight real = realFlight(flight, server);
            return ServerFlight.concat(Records.handshake(change.apply(real.serverHello())),
                    Records.afterFirst(real.bytes()));
        };
    }

    private static ServerHello withKeyShare(ServerHello hello, KeyShareEntry share) {
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        extensions.replaceAll(e -> e.typeCode() == ExtensionType.KEY_SHARE.code()
                ? KeyShareExtension.serverShare(share) : e);
        return new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                hello.cipherSuite(), hello.legacyCompressionMethod(), ExtensionBlock.of(extensions));
    }

    /**
     * RFC 8446 §4.2.8: the server's share "MUST be in the same group as the KeyShareEntry value
     * offered by the client": secp384r1 was not offered at all, illegal_parameter.
     */
    public HostileServer serverHelloWithAGroupNotOffered() {
        return refused("ServerHello with a group not offered", ILLEGAL_PARAMETER, changedServerHello(hello ->
                withKeyShare(hello, new KeyShareEntry(NamedGroup.SECP384R1.code(), new byte[97]))));
    }

    /** As above: secp256r1 is in supported_groups, but the client sent no share for it. */
    public HostileServer serverHelloWithAShareForAnotherGroup() {
        return refused("ServerHello with a share for another group", ILLEGAL_PARAMETER, changedServerHello(hello ->
                withKeyShare(hello, new KeyShareEntry(NamedGroup.SECP256R1.code(), new byte[65]))));
    }

    /** RFC 8446 §4.1.3: "A client which receives a cipher suite that was not offered MUST abort ... illegal_parameter". */
    public HostileServer serverHelloWithACipherSuiteNotOffered() {
        return refused("ServerHello with a cipher suite not offered", ILLEGAL_PARAMETER, changedServerHello(hello ->
                new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(), 0x1304,
                        hello.legacyCompressionMethod(), hello.extensions())));
    }

    /** RFC 8446 §4.1.3: a legacy_session_id_echo that does not match "MUST abort ... illegal_parameter". */
    public HostileServer serverHelloNotEchoingTheSessionId() {
        return refused("ServerHello not echoing the session id", ILLEGAL_PARAMETER, changedServerHello(hello ->
                new ServerHello(hello.legacyVersion(), hello.random(), new byte[32], hello.cipherSuite(),
                        hello.legacyCompressionMethod(), hello.extensions())));
    }

    /**
     * RFC 8446 §4.1.3: legacy_compression_method "MUST have the value 0"; a well-formed field with
     * a wrong value is illegal_parameter (RFC 8446 §6.2).
     */
    public HostileServer serverHelloWithCompression() {
        return refused("ServerHello with compression method 1", ILLEGAL_PARAMETER, changedServerHello(hello ->
                new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                        hello.cipherSuite(), 1, hello.extensions())));
    }

    /**
     * A TLS 1.2 ServerHello (no supported_versions, an ECDHE-RSA suite, TLS 1.2 extensions) whose
     * random ends with the TLS 1.2 downgrade sentinel. RFC 8446 §4.1.3 makes a client that would
     * accept TLS 1.2 check the sentinel (illegal_parameter); ours speaks only TLS 1.3, so the
     * version itself is refused first, as Appendix D.1 requires: "If the version chosen by the
     * server is not supported by the client ..., the client MUST abort the handshake with a
     * protocol_version alert" (so do Go's crypto/tls and BoringSSL with TLS 1.3 only).
     */
    public HostileServer tls12ServerHelloWithTheDowngradeSentinel() {
        return refused("TLS 1.2 ServerHello with the downgrade sentinel", PROTOCOL_VERSION, (flight, server) ->
                Records.handshake(legacyServerHello(clientHello(flight), 0x0303, DOWNGRADE_TLS12, 0xc02f,
                        List.of(new UnknownExtension(ExtensionType.RENEGOTIATION_INFO.code(), new byte[] {0}),
                                new UnknownExtension(ExtensionType.EC_POINT_FORMATS.code(), new byte[] {1, 0}),
                                new UnknownExtension(ExtensionType.EXTENDED_MASTER_SECRET.code(), new byte[0])))))
                .saying("downgrade sentinel");
    }

    /** As above with TLS 1.1 (legacy_version 0x0302, no extensions) and the TLS 1.1 sentinel. */
    public HostileServer tls11ServerHelloWithTheDowngradeSentinel() {
        return refused("TLS 1.1 ServerHello with the downgrade sentinel", PROTOCOL_VERSION, (flight, server) ->
                Records.handshake(legacyServerHello(clientHello(flight), 0x0302, DOWNGRADE_TLS11, 0xc013, List.of())))
                .saying("downgrade sentinel");
    }

    private static ServerHello legacyServerHello(ClientHello hello, int version, byte[] sentinel, int suite,
            List<Extension> extensions) {
        byte[] random = new byte[32];
        Arrays.fill(random, (byte) 0x5a);
        System.arraycopy(sentinel, 0, random, 24, 8);
        return new ServerHello(version, random, hello.legacySessionId(), suite, 0, ExtensionBlock.of(extensions));
    }

    // ---- the encrypted flight --------------------------------------------------------------------

    /** The real flight with its protected messages replaced by what {@code records} makes of them. */
    private HostileServer.Step protectedFlight(java.util.function.Function<ServerFlight, List<byte[]>> records) {
        return (flight, server) -> {
            ServerFlight real = realFlight(flight, server);
            List<byte[]> parts = new ArrayList<>();
            parts.add(real.serverHelloRecord());
            parts.add(CHANGE_CIPHER_SPEC);
            parts.addAll(records.apply(real));
            return ServerFlight.concat(parts.toArray(new byte[0][]));
        };
    }

    private static List<byte[]> protectEach(ServerFlight real, List<byte[]> messages) {
        return messages.stream().map(m -> real.protect(ContentType.HANDSHAKE, m)).toList();
    }

    /**
     * The ServerHello and EncryptedExtensions, then silence: the client gives up at
     * limits.max_handshake_duration.
     */
    public HostileServer silentAfterEncryptedExtensions() {
        return script("silent after EncryptedExtensions", HostileServer.End.STAY_OPEN,
                List.of(AlertDescription.USER_CANCELED, AlertDescription.CLOSE_NOTIFY), AlertDescription.USER_CANCELED,
                protectedFlight(real -> protectEach(real, real.messages().subList(0, 1))));
    }

    /** RFC 8446 §6.2: "premature Application Data" is unexpected_message; here, before the server's Finished. */
    public HostileServer applicationDataBeforeFinished() {
        return refused("application data before Finished", UNEXPECTED_MESSAGE, protectedFlight(real -> {
            List<byte[]> messages = real.messages();
            List<byte[]> records = new ArrayList<>(protectEach(real, messages.subList(0, messages.size() - 1)));
            records.add(real.protect(ContentType.APPLICATION_DATA, "too early".getBytes(StandardCharsets.US_ASCII)));
            records.add(real.protect(ContentType.HANDSHAKE, messages.get(messages.size() - 1)));
            return records;
        }));
    }

    /** RFC 8446 §4.4.4: a Finished whose verify_data is wrong "MUST terminate the connection with a decrypt_error alert". */
    public HostileServer wrongFinished() {
        return refused("Finished with wrong verify_data", DECRYPT_ERROR, protectedFlight(real -> {
            List<byte[]> messages = new ArrayList<>(real.messages());
            byte[] finished = messages.get(messages.size() - 1);
            finished[4] ^= 1;
            return protectEach(real, messages);
        }));
    }

    /** RFC 8446 §4.4.3: "If the verification fails, the receiver MUST terminate the handshake with a decrypt_error alert". */
    public HostileServer wrongCertificateVerify() {
        return refused("CertificateVerify with a wrong signature", DECRYPT_ERROR, protectedFlight(real -> {
            List<byte[]> messages = new ArrayList<>(real.messages());
            byte[] verify = messages.get(messages.size() - 2);
            if (verify[0] != HandshakeType.CERTIFICATE_VERIFY.code()) {
                throw new AssertionError("no CertificateVerify before Finished");
            }
            verify[verify.length - 2] ^= 0x01;
            return protectEach(real, messages);
        }));
    }
}
