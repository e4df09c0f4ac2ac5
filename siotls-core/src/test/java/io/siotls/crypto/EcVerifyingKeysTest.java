package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.siotls.iana.SignatureScheme;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.junit.jupiter.api.Test;

/** The kept ECDSA verification keys: reused by value, bounded, and only points on the curve. */
class EcVerifyingKeysTest {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final byte[] MESSAGE = "a CertificateVerify's content".getBytes(StandardCharsets.US_ASCII);

    private static ECPublicKey publicKey(KeyType type, String name) {
        return (ECPublicKey) KeyPairs.cached(type, name).getPublic();
    }

    private static ECPublicKey withPoint(ECPublicKey like, ECPoint point) throws Exception {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, like.getParams()));
    }

    @Test
    void aKeyVerifiedAgainIsTheOneDecodedTheFirstTimeEvenFromAnotherKeyObject() throws Exception {
        EcVerifyingKeys keys = new EcVerifyingKeys(4);
        ECPublicKey key = publicKey(KeyType.EC_P256, "kept-a");

        EcVerifyingKeys.VerifyingKey first = keys.of(DOMAIN, key);
        EcVerifyingKeys.VerifyingKey again = keys.of(DOMAIN, key);
        EcVerifyingKeys.VerifyingKey sameValue = keys.of(DOMAIN, withPoint(key, key.getW()));

        assertThat(again).isSameAs(first);
        assertThat(sameValue).isSameAs(first);
        assertThat(first.parameters().getQ().getAffineXCoord().toBigInteger()).isEqualTo(key.getW().getAffineX());
        assertThat(first.p256()).as("the multiples of a secp256r1 key, kept with it").isNotNull();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedKeyIsDroppedBeyondTheCapacity() {
        EcVerifyingKeys keys = new EcVerifyingKeys(2);
        ECPublicKey a = publicKey(KeyType.EC_P256, "kept-a");
        ECPublicKey b = publicKey(KeyType.EC_P256, "kept-b");
        ECPublicKey c = publicKey(KeyType.EC_P256, "kept-c");
        EcVerifyingKeys.VerifyingKey firstA = keys.of(DOMAIN, a);
        EcVerifyingKeys.VerifyingKey firstB = keys.of(DOMAIN, b);
        keys.of(DOMAIN, a);

        keys.of(DOMAIN, c);

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.of(DOMAIN, a)).as("used last but one: kept").isSameAs(firstA);
        assertThat(keys.of(DOMAIN, b)).as("least recently used: decoded again").isNotSameAs(firstB);
    }

    @Test
    void aPointOffTheCurveOrAtInfinityIsRefusedAndNotKept() {
        EcVerifyingKeys keys = new EcVerifyingKeys(4);
        ECPublicKey real = publicKey(KeyType.EC_P256, "kept-a");
        ECPoint off = new ECPoint(real.getW().getAffineX(), real.getW().getAffineY().add(BigInteger.ONE));
        ECPublicKey offCurve = new ExplicitPointKey(real, off);
        ECPublicKey infinity = new ExplicitPointKey(real, ECPoint.POINT_INFINITY);

        assertThatIllegalArgumentException().isThrownBy(() -> keys.of(DOMAIN, offCurve));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.of(DOMAIN, infinity))
                .withMessageContaining("infinity");
        assertThat(keys.size()).isZero();
    }

    @Test
    void aKeptKeyStillRefusesAWrongSignatureBetweenTwoRightOnes() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        KeyPair pair = KeyPairs.cached(KeyType.EC_P256, "kept-verify");
        byte[] signature = crypto.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPrivate(), MESSAGE,
                new SecureRandom());
        byte[] otherMessage = "another content".getBytes(StandardCharsets.US_ASCII);

        assertThat(crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPublic(), MESSAGE, signature)).isTrue();
        assertThat(crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPublic(), otherMessage, signature))
                .isFalse();
        assertThat(crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPublic(), MESSAGE, signature)).isTrue();
    }
}
