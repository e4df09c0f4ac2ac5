package io.siotls.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.UnknownCA;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Eku;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chains a {@link ChainVerifier} remembers as validated, and when it must validate afresh. */
class ValidatedChainsTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.shared(KeyType.EC_P256);
    private static final CertificateAuthority INTERMEDIATE = ROOT.intermediate("cached intermediate");
    private static final Identity SERVER = TestPki.builder().issuer(INTERMEDIATE).build();

    private final ChainVerifier verifier = new ChainVerifier(Set.of(ROOT.root()));
    private final ValidatedChains cache = verifier.validatedChains();

    @Test
    void aSecondValidationOfTheSameChainIsServedFromTheCache() {
        Instant now = Instant.now();
        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.hits()).isZero();

        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now.plusSeconds(60));
        verifier.verify(reparsed(SERVER.chain()), Purpose.SERVER_AUTH, now.plusSeconds(120));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void aCachedChainOutOfItsValidityIsRejectedWithTheAlertOfAFreshValidation() {
        Instant now = Instant.now();
        CertificateAuthority shortLived = ROOT.intermediate("short-lived intermediate", KeyType.EC_P256,
                now.minus(Duration.ofDays(60)), now.plus(Duration.ofHours(1)));
        Identity identity = TestPki.builder().issuer(shortLived)
                .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))).build();
        verifier.verify(identity.chain(), Purpose.SERVER_AUTH, now);
        assertThat(cache.size()).isEqualTo(1);

        Instant afterTheIntermediate = now.plus(Duration.ofHours(2));
        Throwable expired = catchThrowable(() -> verifier.verify(identity.chain(), Purpose.SERVER_AUTH, afterTheIntermediate));
        assertThat(expired).isExactlyInstanceOf(CertificateExpired.class)
                .hasMessageContaining("certificate 'CN=short-lived intermediate,O=siotls tests' expired at ")
                .hasMessage(uncachedFailure(identity.chain(), afterTheIntermediate).getMessage());
        assertThat(cache.hits()).isZero();
        assertThat(cache.size()).isZero();

        verifier.verify(identity.chain(), Purpose.SERVER_AUTH, now);
        Instant beforeTheLeaf = now.minus(Duration.ofHours(2));
        Throwable notYetValid = catchThrowable(() -> verifier.verify(identity.chain(), Purpose.SERVER_AUTH, beforeTheLeaf));
        assertThat(notYetValid).isExactlyInstanceOf(CertificateExpired.class)
                .hasMessageContaining("certificate 'CN=localhost,O=siotls tests' is not valid before ")
                .hasMessage(uncachedFailure(identity.chain(), beforeTheLeaf).getMessage());
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aChainDifferingInOneCertificateIsValidatedAfresh() throws Exception {
        Instant now = Instant.now();
        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);

        CertificateAuthority reissued = ROOT.intermediate("cached intermediate", KeyType.EC_P256,
                now.minus(Duration.ofDays(60)), now.plus(Duration.ofHours(1)));
        assertThat(reissued.certificate().getPublicKey()).isEqualTo(INTERMEDIATE.certificate().getPublicKey());
        List<X509Certificate> throughTheReissued = List.of(SERVER.leaf(), reissued.certificate());
        verifier.verify(throughTheReissued, Purpose.SERVER_AUTH, now);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isZero();
        assertThatThrownBy(() -> verifier.verify(throughTheReissued, Purpose.SERVER_AUTH, now.plus(Duration.ofHours(2))))
                .isExactlyInstanceOf(CertificateExpired.class);
        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now.plus(Duration.ofHours(2)));
        assertThat(cache.hits()).isEqualTo(1);

        List<X509Certificate> withTheRoot = List.of(SERVER.leaf(), INTERMEDIATE.certificate(), ROOT.root());
        verifier.verify(withTheRoot, Purpose.SERVER_AUTH, now);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(1);

        byte[] tampered = INTERMEDIATE.certificate().getEncoded();
        tampered[tampered.length - 1] ^= 0x01;
        List<X509Certificate> withABadSignature = List.of(SERVER.leaf(), parse(tampered));
        assertThatThrownBy(() -> verifier.verify(withABadSignature, Purpose.SERVER_AUTH, now))
                .isExactlyInstanceOf(BadCertificate.class)
                .hasMessageContaining("the signature of certificate 'CN=cached intermediate");
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aFailingChainIsNeverCached() {
        Instant now = Instant.now();
        Identity stranger = TestPki.builder().issuer(CertificateAuthority.root(KeyType.EC_P256, "stranger root")).build();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> verifier.verify(stranger.chain(), Purpose.SERVER_AUTH, now))
                    .isExactlyInstanceOf(UnknownCA.class);
        }
        List<X509Certificate> clientOnly = TestPki.builder().issuer(INTERMEDIATE).eku(Eku.CLIENT_AUTH).build().chain();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> verifier.verify(clientOnly, Purpose.SERVER_AUTH, now))
                    .isExactlyInstanceOf(BadCertificate.class).hasMessageContaining("lacks serverAuth");
        }
        assertThat(cache.size()).isZero();
        assertThat(cache.hits()).isZero();

        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        ChainVerifier small = new ChainVerifier(Set.of(ROOT.root()), 2);
        ValidatedChains smallCache = small.validatedChains();
        List<X509Certificate> first = leafChain("first.example");
        List<X509Certificate> second = leafChain("second.example");
        List<X509Certificate> third = leafChain("third.example");
        Instant now = Instant.now();
        small.verify(first, Purpose.SERVER_AUTH, now);
        small.verify(second, Purpose.SERVER_AUTH, now);
        small.verify(first, Purpose.SERVER_AUTH, now);
        small.verify(third, Purpose.SERVER_AUTH, now);
        assertThat(smallCache.size()).isEqualTo(2);
        assertThat(smallCache.hits()).isEqualTo(1);

        small.verify(first, Purpose.SERVER_AUTH, now);
        assertThat(smallCache.hits()).isEqualTo(2);
        small.verify(second, Purpose.SERVER_AUTH, now);
        assertThat(smallCache.hits()).isEqualTo(2);
        assertThat(smallCache.size()).isEqualTo(2);
        assertThatThrownBy(() -> new ChainVerifier(Set.of(ROOT.root()), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity of at least 1");
    }

    @Test
    void aChainValidatedForOnePurposeIsValidatedAfreshForTheOther() {
        Instant now = Instant.now();
        List<X509Certificate> both = TestPki.builder().issuer(INTERMEDIATE).eku(Eku.BOTH).build().chain();
        verifier.verify(both, Purpose.SERVER_AUTH, now);
        verifier.verify(both, Purpose.CLIENT_AUTH, now);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isZero();

        verifier.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        assertThatThrownBy(() -> verifier.verify(SERVER.chain(), Purpose.CLIENT_AUTH, now))
                .isExactlyInstanceOf(BadCertificate.class).hasMessageContaining("lacks clientAuth");
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aReloadedTrustStoreStartsWithoutTheChainsOfTheOneItReplaces() {
        Instant now = Instant.now();
        AnchorTrustStore before = (AnchorTrustStore) TrustStores.fromCertificates(List.of(ROOT.root()));
        before.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        before.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        assertThat(before.validatedChains().hits()).isEqualTo(1);

        AnchorTrustStore reloaded = (AnchorTrustStore) TrustStores.fromCertificates(List.of(ROOT.root()));
        assertThat(reloaded).isEqualTo(before);
        assertThat(reloaded.validatedChains().size()).isZero();
        reloaded.verify(SERVER.chain(), Purpose.SERVER_AUTH, now);
        assertThat(reloaded.validatedChains().hits()).isZero();

        AnchorTrustStore withoutTheRoot = (AnchorTrustStore) TrustStores.fromCertificates(
                List.of(CertificateAuthority.root(KeyType.EC_P256, "replacement root").root()));
        assertThatThrownBy(() -> withoutTheRoot.verify(SERVER.chain(), Purpose.SERVER_AUTH, now))
                .isExactlyInstanceOf(UnknownCA.class);
    }

    @Test
    void aLeafThatIsItselfAnAnchorIsCheckedWithoutTheCache() {
        Identity pinned = TestPki.builder().selfSigned().build();
        ChainVerifier pinning = new ChainVerifier(Set.of(pinned.leaf()));
        pinning.verify(pinned.chain(), Purpose.SERVER_AUTH, Instant.now());
        assertThat(pinning.validatedChains().size()).isZero();
        assertThatThrownBy(() -> pinning.verify(pinned.chain(), Purpose.SERVER_AUTH, Instant.now().plus(Duration.ofDays(3650))))
                .isExactlyInstanceOf(CertificateExpired.class);
    }

    private static List<X509Certificate> leafChain(String host) {
        return TestPki.builder().issuer(INTERMEDIATE).dnsNames(host).build().chain();
    }

    private static Throwable uncachedFailure(List<X509Certificate> chain, Instant at) {
        return catchThrowable(() -> new ChainVerifier(Set.of(ROOT.root())).verify(chain, Purpose.SERVER_AUTH, at));
    }

    private static List<X509Certificate> reparsed(List<X509Certificate> chain) {
        return chain.stream().map(certificate -> {
            try {
                return parse(certificate.getEncoded());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static X509Certificate parse(byte[] encoded) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    }
}
