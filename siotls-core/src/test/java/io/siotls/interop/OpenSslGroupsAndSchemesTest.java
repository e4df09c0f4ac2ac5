package io.siotls.interop;

import static io.siotls.interop.OpenSslExchange.LINE_EACH_WAY;
import static io.siotls.interop.OpenSslExchange.openSslGroup;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.interop.OpenSslExchange.Direction;
import io.siotls.interop.OpenSslExchange.Seen;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key exchange group, cipher suite and CertificateVerify scheme the engine offers, against
 * OpenSSL in both directions (our client against s_server, s_client against our server). Each
 * case checks what our side and OpenSSL's trace say was negotiated, and a line each way.
 */
@Timeout(60)
class OpenSslGroupsAndSchemesTest {

    @TempDir
    Path dir;

    /**
     * Every group OpenSSL 3.0 knows in both directions (it has no ML-KEM before 3.5: the
     * post-quantum groups meet BoringSSL and BouncyCastle instead); even ffdhe8192 costs our side
     * well under a second here.
     */
    static Stream<Arguments> groups() {
        return Stream.of(Direction.values()).flatMap(direction -> Stream.of(NamedGroup.values())
                .filter(group -> !group.isPostQuantum())
                .map(group -> Arguments.of(direction, group)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("groups")
    void agreesOnEachGroup(Direction direction, NamedGroup group) throws Exception {
        Seen seen = OpenSslExchange.run(direction, dir, TestPki.server(KeyType.EC_P256),
                config -> config.keyExchanges(group), LINE_EACH_WAY, "-groups", openSslGroup(group));
        assertThat(seen.nconfig().keyExchange()).isEqualTo(group);
        assertThat(seen.trace().group()).isEqualTo(group);
    }

    static Stream<Arguments> suites() {
        return Stream.of(Direction.values()).flatMap(direction -> Stream.of(CipherSuite.values())
                .map(suite -> Arguments.of(direction, suite)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suites")
    void agreesOnEachCipherSuite(Direction direction, CipherSuite suite) throws Exception {
        Seen seen = OpenSslExchange.run(direction, dir, TestPki.server(KeyType.EC_P256),
                config -> config.cipherSuites(suite), LINE_EACH_WAY, "-ciphersuites", suite.ianaName());
        assertThat(seen.nconfig().cipherSuite()).isEqualTo(suite);
        assertThat(seen.trace().cipherSuite()).isEqualTo(suite);
    }

    /** Every scheme OpenSSL 3.0 signs or verifies a TLS 1.3 CertificateVerify with, and a key it fits. */
    static Stream<Arguments> schemes() {
        List<Arguments> pairs = List.of(
                Arguments.of(SignatureScheme.ECDSA_SECP256R1_SHA256, KeyType.EC_P256),
                Arguments.of(SignatureScheme.ECDSA_SECP384R1_SHA384, KeyType.EC_P384),
                Arguments.of(SignatureScheme.ECDSA_SECP521R1_SHA512, KeyType.EC_P521),
                Arguments.of(SignatureScheme.ED25519, KeyType.ED25519),
                Arguments.of(SignatureScheme.ED448, KeyType.ED448),
                Arguments.of(SignatureScheme.RSA_PSS_RSAE_SHA256, KeyType.RSA_2048),
                Arguments.of(SignatureScheme.RSA_PSS_RSAE_SHA384, KeyType.RSA_2048),
                Arguments.of(SignatureScheme.RSA_PSS_RSAE_SHA512, KeyType.RSA_2048),
                Arguments.of(SignatureScheme.RSA_PSS_PSS_SHA256, KeyType.RSA_PSS_2048),
                Arguments.of(SignatureScheme.RSA_PSS_PSS_SHA384, KeyType.RSA_PSS_2048),
                Arguments.of(SignatureScheme.RSA_PSS_PSS_SHA512, KeyType.RSA_PSS_2048));
        return Stream.of(Direction.values()).flatMap(direction -> pairs.stream()
                .map(pair -> Arguments.of(direction, pair.get()[0], pair.get()[1])));
    }

    /**
     * Our side accepts {@code scheme} and the scheme the test root signed the leaf with: OpenSSL's
     * server refuses (handshake_failure) to send a chain whose signatures the client did not
     * offer, as RFC 8446 §4.4.2.2 allows. The roots sign with the scheme of their key type, and
     * only the RSASSA-PSS root differs from the scheme under test: rsa_pss_pss_sha256.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("schemes")
    void agreesOnEachSignatureScheme(Direction direction, SignatureScheme scheme, KeyType keyType) throws Exception {
        List<SignatureScheme> accepted = keyType == KeyType.RSA_PSS_2048
                ? List.of(scheme, SignatureScheme.RSA_PSS_PSS_SHA256).stream().distinct().toList()
                : List.of(scheme);
        Seen seen = OpenSslExchange.run(direction, dir, TestPki.server(keyType),
                config -> config.signatureAlgorithms(accepted), LINE_EACH_WAY, "-sigalgs", scheme.ianaName());
        assertThat(direction.serverSignature(seen.nconfig())).isEqualTo(scheme);
        assertThat(seen.trace().certificateVerify()).isEqualTo(scheme);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void acceptsAnEcdsaLeafSignedByAnRsaPkcs1Authority(Direction direction) throws Exception {
        Identity identity = TestPki.builder().keyType(KeyType.EC_P256).caKeyType(KeyType.RSA_2048).build();
        assertThat(identity.leaf().getSigAlgName()).isEqualTo("SHA256withRSA");
        Seen seen = OpenSslExchange.run(direction, dir, identity, config -> config, LINE_EACH_WAY);
        assertThat(direction.serverSignature(seen.nconfig())).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertThat(seen.trace().certificateVerify()).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        if (direction == Direction.OUR_CLIENT) {
            assertThat(seen.nconfig().peerCertificateChain()).first()
                    .extracting(certificate -> certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        } else {
            assertThat(seen.output()).contains("sigalg: RSA-SHA256");
        }
    }
}
