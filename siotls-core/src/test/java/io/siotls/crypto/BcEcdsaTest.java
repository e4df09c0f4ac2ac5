package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.SignatureScheme;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The BouncyCastle ECDSA path agrees with the JDK's SunEC both ways, and refuses what SunEC
 * refuses: points off the curve, r or s out of range, non-canonical DER.
 */
class BcEcdsaTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "the transcript hash, padded as RFC 8446 §4.4.3 says"
            .getBytes(StandardCharsets.US_ASCII);

    private static KeyPair keys(SignatureScheme scheme) {
        KeyType type = switch (scheme) {
            case ECDSA_SECP256R1_SHA256 -> KeyType.EC_P256;
            case ECDSA_SECP384R1_SHA384 -> KeyType.EC_P384;
            default -> KeyType.EC_P521;
        };
        return KeyPairs.cached(type, "bc-ecdsa");
    }

    private static String jcaName(SignatureScheme scheme) {
        return "SHA" + scheme.ianaName().substring(scheme.ianaName().length() - 3) + "withECDSA";
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void ourSignaturesVerifyWithSunEc(SignatureScheme scheme) throws Exception {
        KeyPair pair = keys(scheme);
        byte[] signature = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, RANDOM);

        Signature sunEc = Signature.getInstance(jcaName(scheme), "SunEC");
        sunEc.initVerify(pair.getPublic());
        sunEc.update(MESSAGE);
        assertThat(sunEc.verify(signature)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void sunEcSignaturesVerifyWithOurs(SignatureScheme scheme) throws Exception {
        KeyPair pair = keys(scheme);
        Signature sunEc = Signature.getInstance(jcaName(scheme), "SunEC");
        sunEc.initSign(pair.getPrivate());
        sunEc.update(MESSAGE);

        assertThat(CRYPTO.verify(scheme, pair.getPublic(), MESSAGE, sunEc.sign())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void nonCanonicalDerIsRefused(SignatureScheme scheme) throws Exception {
        KeyPair pair = keys(scheme);
        byte[] signature = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, RANDOM);
        ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
        byte[] r = ((ASN1Integer) sequence.getObjectAt(0)).getValue().toByteArray();
        byte[] s = ((ASN1Integer) sequence.getObjectAt(1)).getValue().toByteArray();
        byte[] paddedR = new byte[r.length + 1];
        System.arraycopy(r, 0, paddedR, 1, r.length);

        byte[] nonMinimal = derSequence(integer(paddedR), integer(s));
        byte[] withTrailingByte = java.util.Arrays.copyOf(signature, signature.length + 1);

        assertThat(CRYPTO.verify(scheme, pair.getPublic(), MESSAGE, nonMinimal)).isFalse();
        assertThat(CRYPTO.verify(scheme, pair.getPublic(), MESSAGE, withTrailingByte)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void rOrSOutOfRangeIsRefused(SignatureScheme scheme) throws Exception {
        KeyPair pair = keys(scheme);
        BigInteger order = ((ECPublicKey) pair.getPublic()).getParams().getOrder();
        byte[] signature = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, RANDOM);
        ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
        BigInteger r = ((ASN1Integer) sequence.getObjectAt(0)).getValue();
        BigInteger s = ((ASN1Integer) sequence.getObjectAt(1)).getValue();

        for (BigInteger[] rs : new BigInteger[][] {{BigInteger.ZERO, s}, {r, BigInteger.ZERO}, {r.add(order), s},
                {r, s.add(order)}, {r.negate(), s}}) {
            byte[] encoded = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
            assertThat(CRYPTO.verify(scheme, pair.getPublic(), MESSAGE, encoded)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void publicKeyOffTheCurveIsRefused(SignatureScheme scheme) {
        KeyPair pair = keys(scheme);
        byte[] signature = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, RANDOM);
        ECPublicKey real = (ECPublicKey) pair.getPublic();
        ECPublicKey offCurve = new ExplicitPointKey(real,
                new ECPoint(real.getW().getAffineX(), real.getW().getAffineY().add(BigInteger.ONE)));

        assertThat(CRYPTO.verify(scheme, offCurve, MESSAGE, signature)).isFalse();
    }

    private static byte[] integer(byte[] content) {
        byte[] out = new byte[content.length + 2];
        out[0] = 0x02;
        out[1] = (byte) content.length;
        System.arraycopy(content, 0, out, 2, content.length);
        return out;
    }

    private static byte[] derSequence(byte[] first, byte[] second) {
        int length = first.length + second.length;
        byte[] out = new byte[length + (length > 127 ? 3 : 2)];
        int offset = 0;
        out[offset++] = 0x30;
        if (length > 127) {
            out[offset++] = (byte) 0x81;
        }
        out[offset++] = (byte) length;
        System.arraycopy(first, 0, out, offset, first.length);
        System.arraycopy(second, 0, out, offset + first.length, second.length);
        return out;
    }
}
