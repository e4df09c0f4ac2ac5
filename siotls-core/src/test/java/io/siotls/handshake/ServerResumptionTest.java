package io.siotls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.DecryptError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.PskIdentity;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.extensions.UnknownExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.Finished;
import io.siotls.messages.ServerHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.SteppingClock;
import io.siotls.testing.TestPki;
import io.siotls.tickets.TicketKeys;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The server's side of resumption at the message level (RFC 8446 §2.2, §4.2.11, §4.6.1): our
 * client runs a full handshake and the server issues tickets; a scripted client
 * ({@link ResumingClient}) then offers them, well or badly, to a new server handshake of the same
 * configuration, on a clock the test moves.
 */
class ServerResumptionTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_256_GCM_SHA384;

    private final SteppingClock clock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final TLSConfiguration config = Configs.server(SERVER).build();

    /** A full handshake between our client and a server of {@code server}: the client's hello and the tickets. */
    private record Full(ClientHello hello, List<byte[]> tickets, Handshake server) {
    }

    private Full fullHandshake(TLSConfiguration server) {
        MessageWire clientSide = new MessageWire();
        MessageWire serverSide = new MessageWire();
        Handshake client = new ClientHandshake(new ConnectionPolicy(Configs.clientTrusting(SERVER).build(),
                ConnectionOptions.forHost("localhost")), Entropy.secure(), clientSide, clock, UnaryOperator.identity());
        Handshake handshake = new ServerHandshake(new ConnectionPolicy(server, ConnectionOptions.none()),
                Entropy.secure(), serverSide, clock);
        handshake.start();
        client.start();
        while (!clientSide.sent.isEmpty() || !serverSide.sent.isEmpty()) {
            clientSide.deliverTo(handshake);
            serverSide.deliverTo(client);
        }
        assertThat(handshake.isComplete()).isTrue();
        return new Full(ResumingClient.parseHello(clientSide.history.get(0)),
                serverSide.sentOfType(HandshakeType.NEW_SESSION_TICKET.code()), handshake);
    }

    /** A new server handshake of {@code server} that received {@code hello}. */
    private record Attempt(Handshake server, MessageWire wire, byte[] hello) {

        ServerHello serverHello() {
            byte[] message = wire.history.get(0);
            return ServerHello.parse(new TLSReader(message, 4, message.length - 4));
        }

        /** The selected_identity of the ServerHello, or -1 for a full handshake. */
        int selectedIdentity() {
            PreSharedKeyExtension psk = serverHello().extensions().get(ExtensionType.PRE_SHARED_KEY,
                    PreSharedKeyExtension.class);
            return psk == null ? -1 : psk.selectedIdentity();
        }

        /** Sends the client Finished of a resumed handshake, keyed as the server expects it. */
        void finish() {
            CipherSuite suite = CipherSuite.fromCode(serverHello().cipherSuite());
            TranscriptHash transcript = ResumingClient.emptyTranscript(suite);
            transcript.update(hello);
            wire.history.forEach(transcript::update);
            KeySchedule schedule = new KeySchedule(CryptoProvider.getDefault(), suite);
            byte[] finished = new Finished(schedule.finishedVerifyData(wire.read.get(0), transcript.current())).toBytes();
            wire.clear();
            server.receive(HandshakeType.FINISHED.code(), finished);
        }
    }

    private Attempt offer(TLSConfiguration server, byte[] hello) {
        MessageWire wire = new MessageWire();
        Handshake handshake = new ServerHandshake(new ConnectionPolicy(server, ConnectionOptions.none()),
                Entropy.secure(), wire, clock);
        handshake.start();
        handshake.receive(HandshakeType.CLIENT_HELLO.code(), hello);
        return new Attempt(handshake, wire, hello);
    }

    private List<Integer> sentTypes(Attempt attempt) {
        return attempt.wire().history.stream().map(message -> message[0] & 0xff).toList();
    }

    @Test
    void aTicketResumesWithoutCertificateAndTheResumedHandshakeIssuesTicketsAgain() {
        Full full = fullHandshake(config);
        assertThat(full.tickets()).hasSize(2);
        assertThat(full.server().negotiated().resumed()).isFalse();
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(1), config, clock.instant());
        assertThat(ticket.message().lifetime()).isEqualTo(7200);
        assertThat(ticket.message().nonce()).containsExactly(0, 1);
        clock.advance(Duration.ofSeconds(30));

        Attempt attempt = offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(30))),
                SUITE));

        assertThat(attempt.selectedIdentity()).isEqualTo(0);
        assertThat(sentTypes(attempt)).containsExactly(HandshakeType.SERVER_HELLO.code(),
                HandshakeType.ENCRYPTED_EXTENSIONS.code(), HandshakeType.FINISHED.code());
        attempt.finish();
        assertThat(attempt.server().isComplete()).isTrue();
        assertThat(attempt.server().negotiated().resumed()).isTrue();
        assertThat(attempt.server().negotiated().serverName()).isEqualTo("localhost");
        assertThat(attempt.server().negotiated().signatureAlgorithm()).isNull();
        List<byte[]> again = attempt.wire().sentOfType(HandshakeType.NEW_SESSION_TICKET.code());
        assertThat(again).as("one ticket replaces the one used").hasSize(1);
        ResumingClient.Ticket next = ResumingClient.ticket(again.get(0), config, clock.instant());
        assertThat(offer(config, ResumingClient.hello(full.hello(), List.of(next.offer(Duration.ZERO)), SUITE))
                .selectedIdentity()).isEqualTo(0);
    }

    @Test
    void theFirstIdentityThatIsATicketOfOursIsSelected() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        ResumingClient.Offer foreign = new ResumingClient.Offer(random(120), 0, null);

        Attempt attempt = offer(config, ResumingClient.hello(full.hello(), List.of(foreign, ticket.offer(Duration.ZERO)),
                SUITE));

        assertThat(attempt.selectedIdentity()).isEqualTo(1);
    }

    @Test
    void aWrongBinderIsDecryptError() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        byte[] hello = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), SUITE);
        hello[hello.length - 1] ^= 1;

        assertThatThrownBy(() -> offer(config, hello)).isInstanceOf(DecryptError.class);
    }

    @Test
    void aBinderComputedWithAnotherPskIsDecryptError() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        ResumingClient.Offer offer = ticket.offer(Duration.ZERO);
        byte[] hello = ResumingClient.hello(full.hello(),
                List.of(new ResumingClient.Offer(offer.identity(), offer.obfuscatedAge(), random(48))), SUITE);

        assertThatThrownBy(() -> offer(config, hello)).isInstanceOf(DecryptError.class);
    }

    @Test
    void preSharedKeyBeforeAnotherExtensionIsIllegalParameter() {
        Full full = fullHandshake(config);
        List<Extension> extensions = new ArrayList<>(full.hello().extensions().list());
        extensions.add(PreSharedKeyExtension.offer(List.of(new PskIdentity(random(100), 0)), List.of(random(48))));
        extensions.add(new UnknownExtension(ExtensionType.PADDING.code(), new byte[8]));
        ClientHello base = full.hello();
        byte[] hello = new ClientHello(base.legacyVersion(), base.random(), base.legacySessionId(), base.cipherSuites(),
                base.legacyCompressionMethods(), ExtensionBlock.of(extensions)).toBytes();

        assertThatThrownBy(() -> offer(config, hello)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("last extension");
    }

    @Test
    void moreIdentitiesThanBindersIsIllegalParameter() {
        Full full = fullHandshake(config);
        List<Extension> extensions = new ArrayList<>(full.hello().extensions().list());
        extensions.add(PreSharedKeyExtension.offer(List.of(new PskIdentity(random(100), 0),
                new PskIdentity(random(100), 0)), List.of(random(48))));
        ClientHello base = full.hello();
        byte[] hello = new ClientHello(base.legacyVersion(), base.random(), base.legacySessionId(), base.cipherSuites(),
                base.legacyCompressionMethods(), ExtensionBlock.of(extensions)).toBytes();

        assertThatThrownBy(() -> offer(config, hello)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("2 identities and 1 binders");
    }

    @Test
    void preSharedKeyWithoutPskKeyExchangeModesIsMissingExtension() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        byte[] hello = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), List.of(1), SUITE,
                ResumingClient.emptyTranscript(SUITE), extensions -> extensions.stream()
                        .filter(extension -> extension.typeCode() != ExtensionType.PSK_KEY_EXCHANGE_MODES.code()).toList());

        assertThatThrownBy(() -> offer(config, hello)).isInstanceOf(MissingExtension.class);
    }

    @Test
    void onlyPskKeIsAFullHandshake() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());

        Attempt attempt = offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)),
                List.of(0), SUITE, ResumingClient.emptyTranscript(SUITE), UnaryOperator.identity()));

        assertThat(attempt.selectedIdentity()).isEqualTo(-1);
        assertThat(sentTypes(attempt)).contains(HandshakeType.CERTIFICATE.code());
    }

    /** RFC 8446 §4.2.9: psk_ke, when allowed, resumes without a key share; psk_dhe_ke stays preferred. */
    @Test
    void onlyPskKeResumesWithoutAKeyShareWhenAllowedAndBothModesGetPskDheKe() {
        TLSConfiguration pskKe = config.toBuilder().pskKeWithoutForwardSecrecy(true).build();
        Full full = fullHandshake(pskKe);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), pskKe, clock.instant());

        Attempt onlyPskKe = offer(pskKe, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)),
                List.of(0), SUITE, ResumingClient.emptyTranscript(SUITE), UnaryOperator.identity()));
        assertThat(onlyPskKe.selectedIdentity()).isEqualTo(0);
        assertThat(onlyPskKe.serverHello().extensions().contains(ExtensionType.KEY_SHARE)).as("psk_ke").isFalse();
        assertThat(sentTypes(onlyPskKe)).doesNotContain(HandshakeType.CERTIFICATE.code());

        Attempt both = offer(pskKe, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)),
                List.of(0, 1), SUITE, ResumingClient.emptyTranscript(SUITE), UnaryOperator.identity()));
        assertThat(both.selectedIdentity()).isEqualTo(0);
        assertThat(both.serverHello().extensions().contains(ExtensionType.KEY_SHARE)).as("psk_dhe_ke").isTrue();
    }

    @Test
    void anExpiredTicketIsAFullHandshake() {
        TLSConfiguration shortLived = Configs.server(SERVER).sessionTicketLifetime(Duration.ofMinutes(5)).build();
        Full full = fullHandshake(shortLived);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), shortLived, clock.instant());
        byte[] stillValid = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(299))), SUITE);
        byte[] expired = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(300))), SUITE);

        clock.advance(Duration.ofSeconds(299));
        assertThat(offer(shortLived, stillValid).selectedIdentity()).isEqualTo(0);
        clock.advance(Duration.ofSeconds(1));
        Attempt attempt = offer(shortLived, expired);

        assertThat(attempt.selectedIdentity()).isEqualTo(-1);
        assertThat(sentTypes(attempt)).contains(HandshakeType.CERTIFICATE.code(), HandshakeType.CERTIFICATE_VERIFY.code());
    }

    @Test
    void aTicketOfAnotherServersKeysIsAFullHandshake() {
        TLSConfiguration other = Configs.server(SERVER).build();
        Full full = fullHandshake(other);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), other, clock.instant());

        assertThat(offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), SUITE))
                .selectedIdentity()).isEqualTo(-1);
    }

    @Test
    void serversGivenTheSameKeysResumeEachOthersTickets() {
        byte[] key = random(32);
        TLSConfiguration first = Configs.server(SERVER).sessionTicketKeys(TicketKeys.of(List.of(key))).build();
        TLSConfiguration second = Configs.server(SERVER).sessionTicketKeys(TicketKeys.of(List.of(random(32), key)))
                .build();
        Full full = fullHandshake(first);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), first, clock.instant());

        assertThat(offer(second, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), SUITE))
                .selectedIdentity()).isEqualTo(0);
    }

    @Test
    void aTicketSealedUnderThePreviousKeyResumesWithinItsLifetime() {
        TLSConfiguration rotating = Configs.server(SERVER).sessionTicketKeys(TicketKeys.rotating(Duration.ofHours(1)))
                .build();
        Full early = fullHandshake(rotating);
        ResumingClient.Ticket old = ResumingClient.ticket(early.tickets().get(0), rotating, clock.instant());
        clock.advance(Duration.ofMinutes(90));
        Full later = fullHandshake(rotating);
        ResumingClient.Ticket fresh = ResumingClient.ticket(later.tickets().get(0), rotating, clock.instant());
        assertThat(keyId(fresh)).as("rotated").isNotEqualTo(keyId(old));

        assertThat(offer(rotating, ResumingClient.hello(early.hello(), List.of(old.offer(Duration.ofMinutes(90))), SUITE))
                .selectedIdentity()).isEqualTo(0);
    }

    @Test
    void anotherServerNameIsAFullHandshake() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        byte[] hello = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), List.of(1), SUITE,
                ResumingClient.emptyTranscript(SUITE), extensions -> extensions.stream()
                        .map(extension -> extension.typeCode() == ExtensionType.SERVER_NAME.code()
                                ? new ServerNameExtension("other.example") : extension).toList());

        assertThat(offer(config, hello).selectedIdentity()).isEqualTo(-1);
    }

    @Test
    void anObfuscatedAgeOutsideTheWindowIsAFullHandshake() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        clock.advance(Duration.ofMinutes(1));

        assertThat(offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(49))), SUITE))
                .selectedIdentity()).isEqualTo(-1);
        assertThat(offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(71))), SUITE))
                .selectedIdentity()).isEqualTo(-1);
        assertThat(offer(config, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ofSeconds(51))), SUITE))
                .selectedIdentity()).isEqualTo(0);
    }

    @Test
    void aTicketOfAHashTheSuiteDoesNotUseIsAFullHandshake() {
        TLSConfiguration sha256 = Configs.server(SERVER).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .sessionTicketKeys(config.sessionTicketKeys()).build();
        Full full = fullHandshake(sha256);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), sha256, clock.instant());
        byte[] hello = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)),
                CipherSuite.TLS_AES_128_GCM_SHA256);

        assertThat(offer(sha256, hello).selectedIdentity()).isEqualTo(0);
        assertThat(offer(config, hello).selectedIdentity()).as("the server chooses a SHA-384 suite").isEqualTo(-1);
    }

    @Test
    void withTicketsOffNoneIsSentAndNoneResumes() {
        TLSConfiguration off = Configs.server(SERVER).sessionTickets(0).build();
        Full full = fullHandshake(off);
        assertThat(full.tickets()).isEmpty();
        assertThat(off.sessionTicketKeys()).isNull();
        ResumingClient.Ticket ticket = ResumingClient.ticket(fullHandshake(config).tickets().get(0), config,
                clock.instant());

        assertThat(offer(off, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), SUITE))
                .selectedIdentity()).isEqualTo(-1);
    }

    @Test
    void aServerRequiringClientCertificatesDoesNotResumeASessionWithoutOne() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        TLSConfiguration requiring = Configs.server(SERVER)
                .truststore(TrustStores.fromCertificates(List.of(SERVER.root())))
                .clientAuthentication(ClientAuthentication.REQUIRED)
                .sessionTicketKeys(config.sessionTicketKeys()).build();

        Attempt attempt = offer(requiring, ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), SUITE));

        assertThat(attempt.selectedIdentity()).isEqualTo(-1);
        assertThat(sentTypes(attempt)).contains(HandshakeType.CERTIFICATE_REQUEST.code());
    }

    /**
     * After a HelloRetryRequest, the second ClientHello's binder covers ClientHello1 (as
     * message_hash) and the HelloRetryRequest (RFC 8446 §4.2.11.2); the resumed handshake completes.
     */
    @Test
    void aTicketResumesAfterAHelloRetryRequest() {
        Full full = fullHandshake(config);
        ResumingClient.Ticket ticket = ResumingClient.ticket(full.tickets().get(0), config, clock.instant());
        UnaryOperator<List<Extension>> noShare = extensions -> extensions.stream()
                .map(extension -> extension.typeCode() == ExtensionType.KEY_SHARE.code()
                        ? KeyShareExtension.clientShares(List.of()) : extension).toList();
        byte[] first = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), List.of(1), SUITE,
                ResumingClient.emptyTranscript(SUITE), noShare);
        Attempt attempt = offer(config, first);
        assertThat(attempt.serverHello().isHelloRetryRequest()).isTrue();
        byte[] retry = attempt.wire().history.get(0);

        TranscriptHash before = ResumingClient.emptyTranscript(SUITE);
        before.update(first);
        before.replaceWithMessageHash();
        before.update(retry);
        NamedGroup asked = NamedGroup.fromCode(attempt.serverHello().extensions()
                .get(ExtensionType.KEY_SHARE, KeyShareExtension.class).selectedGroup());
        byte[] share = CryptoProvider.getDefault().keyExchange(asked).generate(new SecureRandom()).publicShare();
        byte[] second = ResumingClient.hello(full.hello(), List.of(ticket.offer(Duration.ZERO)), List.of(1), SUITE,
                before, extensions -> extensions.stream().map(extension -> extension.typeCode()
                        == ExtensionType.KEY_SHARE.code() ? KeyShareExtension.clientShares(List.of(
                                new KeyShareEntry(asked.code(), share))) : extension).toList());
        attempt.wire().clear();
        attempt.server().receive(HandshakeType.CLIENT_HELLO.code(), second);

        Attempt resumed = new Attempt(attempt.server(), attempt.wire(), second);
        assertThat(resumed.selectedIdentity()).isEqualTo(0);
        TranscriptHash transcript = ResumingClient.emptyTranscript(SUITE);
        transcript.update(first);
        transcript.replaceWithMessageHash();
        transcript.update(retry);
        transcript.update(second);
        resumed.wire().history.forEach(transcript::update);
        byte[] finished = new Finished(new KeySchedule(CryptoProvider.getDefault(), SUITE)
                .finishedVerifyData(resumed.wire().read.get(0), transcript.current())).toBytes();
        resumed.server().receive(HandshakeType.FINISHED.code(), finished);
        assertThat(resumed.server().negotiated().resumed()).isTrue();
    }

    private static byte[] keyId(ResumingClient.Ticket ticket) {
        return Arrays.copyOfRange(ticket.message().ticket(), 1, 17);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
