package io.siotls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.connection.TLSConnection;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import io.siotls.wire.TLSReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What the replays of the RFC 8448 traces ({@link Rfc8448}) share: the time they run at, the
 * suites and groups the traces' client offers, and the handling of their records.
 */
public final class Rfc8448Replay {

    /** The time every replayed connection runs at: the traces' certificates are valid then. */
    public static final Clock WHEN = Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** The cipher suites the traces' client offers, in its order. */
    public static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);

    /**
     * The groups the traces' client supports, in its order: the server's groups where its
     * EncryptedExtensions (supported_groups) is to match the trace's byte for byte.
     */
    public static final List<NamedGroup> CLIENT_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1, NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072,
            NamedGroup.FFDHE4096, NamedGroup.FFDHE6144, NamedGroup.FFDHE8192);

    private Rfc8448Replay() {
    }

    /**
     * The replaying server is connected with what the traces negotiate: TLS_AES_128_GCM_SHA256,
     * X25519, rsa_pss_rsae_sha256, for the host name "server".
     */
    public static void assertServerConnectedAsTraced(TLSConnection server) {
        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
        assertThat(server.nconfig().signatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(server.nconfig().serverName()).isEqualTo("server");
    }

    /** The ClientHello of a plaintext record holding only it (after the record and handshake headers). */
    public static ClientHello clientHello(byte[] record) {
        return ClientHello.parse(new TLSReader(record, 9, record.length - 9));
    }

    /** {@code bytes} in lower-case hex, so that a mismatch shows where. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code a} then {@code b}. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
