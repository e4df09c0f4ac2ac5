package io.siotls.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.CertificateRevoked;
import io.siotls.alerts.CertificateUnknown;
import io.siotls.alerts.DecodeError;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.UnknownCA;
import io.siotls.iana.AlertDescription;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Eku;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustStoreTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.shared(KeyType.EC_P256);
    private static final TrustStore STORE = TrustStores.fromCertificates(List.of(ROOT.root()));

    @Test
    void acceptsALeafIssuedByTheRoot() {
        assertThatCode(() -> STORE.verify(TestPki.server(KeyType.EC_P256).chain(), Purpose.SERVER_AUTH, Instant.now()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void acceptsChainsThroughAnIntermediateForEveryKeyType(KeyType type) {
        Identity identity = TestPki.builder().keyType(type).withIntermediate().eku(Eku.BOTH).build();
        TrustStore store = TrustStores.fromCertificates(List.of(identity.root()));
        store.verify(identity.chain(), Purpose.SERVER_AUTH, Instant.now());
        store.verify(identity.chain(), Purpose.CLIENT_AUTH, Instant.now());
    }

    @Test
    void acceptsIntermediatesOutOfOrderWithExtraCertificatesAndTheRoot() {
        CertificateAuthority intermediate = ROOT.intermediate("first intermediate");
        CertificateAuthority second = intermediate.intermediate("second intermediate");
        Identity identity = TestPki.builder().issuer(second).build();
        assertThat(identity.chain()).hasSize(3);
        X509Certificate unrelated = TestPki.builder().issuer(CertificateAuthority.root(KeyType.ED25519, "unrelated"))
                .dnsNames("unrelated.example").build().leaf();
        List<X509Certificate> shuffled = List.of(identity.leaf(), unrelated, ROOT.root(), identity.chain().get(2),
                TestPki.server(KeyType.EC_P256).leaf(), identity.chain().get(1));
        STORE.verify(shuffled, Purpose.SERVER_AUTH, Instant.now());
    }

    @Test
    void rejectsAnUnknownCa() {
        Identity stranger = TestPki.builder().issuer(CertificateAuthority.root(KeyType.EC_P256, "stranger root")).build();
        assertAlert(stranger.chain(), Purpose.SERVER_AUTH, UnknownCA.class, "no trust anchor issued certificate 'CN=localhost");
        List<X509Certificate> withItsRoot = List.of(stranger.leaf(), stranger.root());
        assertAlert(withItsRoot, Purpose.SERVER_AUTH, UnknownCA.class, "CN=stranger root");
    }

    @Test
    void rejectsAChainMissingItsIntermediate() {
        Identity identity = TestPki.builder().withIntermediate().build();
        assertAlert(List.of(identity.leaf()), Purpose.SERVER_AUTH, UnknownCA.class,
                "(issuer 'CN=siotls test intermediate EC_P256");
    }

    @Test
    void rejectsAnExpiredOrNotYetValidLeaf() {
        assertAlert(TestPki.builder().expired().build().chain(), Purpose.SERVER_AUTH, CertificateExpired.class,
                "certificate 'CN=localhost,O=siotls tests' expired at ");
        assertAlert(TestPki.builder().notYetValid().build().chain(), Purpose.SERVER_AUTH, CertificateExpired.class,
                "certificate 'CN=localhost,O=siotls tests' is not valid before ");
    }

    @Test
    void checksValidityAtTheGivenTime() {
        List<X509Certificate> chain = TestPki.server(KeyType.EC_P256).chain();
        assertThatThrownBy(() -> STORE.verify(chain, Purpose.SERVER_AUTH, Instant.now().plus(Duration.ofDays(2))))
                .isInstanceOf(CertificateExpired.class);
        assertThatThrownBy(() -> STORE.verify(chain, Purpose.SERVER_AUTH, Instant.now().minus(Duration.ofDays(2))))
                .isInstanceOf(CertificateExpired.class).hasMessageContaining("is not valid before");
    }

    @Test
    void rejectsAnExpiredIntermediate() {
        Instant now = Instant.now();
        Identity identity = TestPki.builder().withIntermediate(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)))
                .build();
        assertAlert(identity.chain(), Purpose.SERVER_AUTH, CertificateExpired.class,
                "certificate 'CN=siotls test intermediate EC_P256,O=siotls tests' expired at ");
    }

    @Test
    void rejectsATamperedSignature() throws Exception {
        X509Certificate leaf = TestPki.server(KeyType.EC_P256).leaf();
        byte[] encoded = leaf.getEncoded();
        byte[] serial = leaf.getSerialNumber().toByteArray();
        int at = indexOf(encoded, serial) + serial.length - 1;
        encoded[at] ^= 0x01;
        X509Certificate tampered = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(encoded));
        assertAlert(List.of(tampered), Purpose.SERVER_AUTH, BadCertificate.class,
                "the signature of certificate 'CN=localhost,O=siotls tests' is invalid");
    }

    @Test
    void checksExtendedKeyUsageForThePurpose() {
        List<X509Certificate> clientOnly = TestPki.client(KeyType.EC_P256).chain();
        assertAlert(clientOnly, Purpose.SERVER_AUTH, BadCertificate.class,
                "certificate 'CN=localhost,O=siotls tests' may not be used for TLS server authentication: "
                        + "its extended key usage [1.3.6.1.5.5.7.3.2] lacks serverAuth");
        STORE.verify(clientOnly, Purpose.CLIENT_AUTH, Instant.now());
        List<X509Certificate> serverOnly = TestPki.server(KeyType.EC_P256).chain();
        assertAlert(serverOnly, Purpose.CLIENT_AUTH, BadCertificate.class, "lacks clientAuth");
        for (Eku eku : List.of(Eku.ANY, Eku.NONE)) {
            List<X509Certificate> chain = TestPki.builder().eku(eku).build().chain();
            STORE.verify(chain, Purpose.SERVER_AUTH, Instant.now());
            STORE.verify(chain, Purpose.CLIENT_AUTH, Instant.now());
        }
    }

    @Test
    void requiresDigitalSignatureWhenKeyUsageIsPresent() {
        assertAlert(TestPki.builder().keyUsage(KeyUsage.keyEncipherment).build().chain(), Purpose.SERVER_AUTH,
                BadCertificate.class, "its key usage lacks digitalSignature");
        STORE.verify(TestPki.builder().keyUsage(null).build().chain(), Purpose.SERVER_AUTH, Instant.now());
    }

    @Test
    void emptyChainsFollowRfc8446Section4422() {
        assertAlert(List.of(), Purpose.SERVER_AUTH, DecodeError.class, "the server sent an empty certificate chain");
        assertAlert(null, Purpose.SERVER_AUTH, DecodeError.class, "the server sent an empty certificate chain");
        assertAlert(List.of(), Purpose.CLIENT_AUTH, CertificateRequired.class, "the client sent an empty certificate chain");
        assertAlert(Arrays.asList(TestPki.server(KeyType.EC_P256).leaf(), null), Purpose.SERVER_AUTH,
                BadCertificate.class, "certificate #2 of the chain is missing");
    }

    @Test
    void rejectsMissingPurposeOrTimeAsAnInternalError() {
        List<X509Certificate> chain = TestPki.server(KeyType.EC_P256).chain();
        assertThatThrownBy(() -> STORE.verify(chain, null, Instant.now())).isInstanceOf(InternalErrorAlert.class);
        assertThatThrownBy(() -> STORE.verify(chain, Purpose.SERVER_AUTH, null)).isInstanceOf(InternalErrorAlert.class);
    }

    @Test
    void acceptsASelfSignedLeafThatIsItselfAnAnchor() {
        Identity pinned = TestPki.builder().selfSigned().build();
        TrustStore store = TrustStores.fromCertificates(List.of(pinned.leaf()));
        store.verify(pinned.chain(), Purpose.SERVER_AUTH, Instant.now());
        assertThatThrownBy(() -> store.verify(pinned.chain(), Purpose.CLIENT_AUTH, Instant.now()))
                .isInstanceOf(BadCertificate.class);
        Identity expired = TestPki.builder().selfSigned().expired().build();
        assertThatThrownBy(() -> TrustStores.fromCertificates(List.of(expired.leaf()))
                .verify(expired.chain(), Purpose.SERVER_AUTH, Instant.now()))
                .isInstanceOf(CertificateExpired.class).hasMessageContaining("expired at");
        assertAlert(pinned.chain(), Purpose.SERVER_AUTH, UnknownCA.class, "no trust anchor issued");
    }

    /** A leaf that is no CA cannot issue: the classic basicConstraints attack (RFC 5280 §6.1.4 (k)). */
    @Test
    void rejectsACertificateIssuedByALeaf() {
        Identity leafWithoutKeyUsage = TestPki.builder().keyUsage(null).build();
        Identity forged = TestPki.issuedByALeaf(leafWithoutKeyUsage, KeyType.EC_P256);
        assertAlert(forged.chain(), Purpose.SERVER_AUTH, BadCertificate.class, "NOT_CA_CERT");

        Identity forgedByAServer = TestPki.issuedByALeaf(TestPki.server(KeyType.EC_P256), KeyType.EC_P256);
        assertAlert(forgedByAServer.chain(), Purpose.SERVER_AUTH, BadCertificate.class, "keyCertSign");
    }

    /** RFC 5280 §4.2.1.10: an intermediate limited to example.com cannot vouch for another name. */
    @Test
    void honoursNameConstraints() {
        CertificateAuthority constrained = ROOT.constrainedIntermediate("siotls test constrained intermediate", "example.com");
        Identity inside = TestPki.builder().issuer(constrained).dnsNames("www.example.com").build();
        Identity outside = TestPki.builder().issuer(constrained).dnsNames("www.evil.com").build();

        STORE.verify(inside.chain(), Purpose.SERVER_AUTH, Instant.now());
        assertAlert(outside.chain(), Purpose.SERVER_AUTH, BadCertificate.class, "name");
    }

    @Test
    void mapsEveryValidatorReasonToItsAlert() throws Exception {
        List<X509Certificate> path = TestPki.server(KeyType.EC_P256).chain();
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        Instant now = Instant.now();
        assertThat(PathFailures.toAlert(failure(certPath, CertPathValidatorException.BasicReason.REVOKED), path, now))
                .isInstanceOf(CertificateRevoked.class).hasMessageContaining("CN=localhost");
        assertThat(PathFailures.toAlert(failure(certPath, CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS),
                path, now)).isInstanceOf(CertificateUnknown.class);
        assertThat(PathFailures.toAlert(failure(certPath, PKIXReason.NOT_CA_CERT), path, now))
                .isInstanceOf(BadCertificate.class).hasMessageContaining("NOT_CA_CERT");
        assertThat(PathFailures.toAlert(failure(certPath, CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED),
                path, now)).isInstanceOf(BadCertificate.class);
        assertThat(PathFailures.toAlert(new CertPathValidatorException("odd", null, certPath, -1,
                CertPathValidatorException.BasicReason.EXPIRED), path, now))
                .isInstanceOf(CertificateExpired.class).hasMessageContaining("the certificate chain has expired");
        assertThat(PathFailures.toAlert(failure(certPath, PKIXReason.NO_TRUST_ANCHOR), path, now).description())
                .isEqualTo(AlertDescription.UNKNOWN_CA);
    }

    private static CertPathValidatorException failure(CertPath path, CertPathValidatorException.Reason reason) {
        return new CertPathValidatorException("test", null, path, 0, reason);
    }

    private static void assertAlert(List<X509Certificate> chain, Purpose purpose, Class<? extends Throwable> alert,
                                    String messagePart) {
        assertThatThrownBy(() -> STORE.verify(chain, purpose, Instant.now()))
                .isExactlyInstanceOf(alert)
                .hasMessageContaining(messagePart);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
