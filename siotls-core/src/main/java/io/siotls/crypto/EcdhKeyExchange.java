package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.iana.NamedGroup;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * ECDHE over secp256r1, secp384r1 and secp521r1 through JCA (RFC 8446 §4.2.8.2, §7.4.2):
 * uncompressed points, validated on the curve before use.
 */
final class EcdhKeyExchange implements KeyExchange {

    private final NamedGroup group;
    private final ECParameterSpec parameters;
    private final int fieldSize;

    EcdhKeyExchange(NamedGroup group) {
        this.group = group;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(group.ianaName()));
            this.parameters = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(group + " is not available from JCA", e);
        }
        this.fieldSize = (parameters.getCurve().getField().getFieldSize() + 7) / 8;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public KeyExchangeKeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(parameters, random);
            java.security.KeyPair pair = generator.generateKeyPair();
            return new KeyPair(pair.getPrivate(), encode(((ECPublicKey) pair.getPublic()).getW()));
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(group + " key generation failed", e);
        }
    }

    @Override
    public KeyExchangeKeyPair fromPrivateKey(byte[] privateKey) {
        BigInteger scalar = new BigInteger(1, privateKey);
        X9ECParameters curve = CustomNamedCurves.getByName(group.ianaName());
        org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(scalar).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, parameters));
            return new KeyPair(key, encode(w));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid " + group + " private key", e);
        }
    }

    private byte[] encode(ECPoint point) {
        byte[] out = new byte[1 + 2 * fieldSize];
        out[0] = 4;
        writeFixed(point.getAffineX(), out, 1);
        writeFixed(point.getAffineY(), out, 1 + fieldSize);
        return out;
    }

    private void writeFixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > fieldSize ? bytes.length - fieldSize : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + fieldSize - length, length);
    }

    /** Decodes an uncompressed point and checks that it lies on the curve (RFC 8446 §4.2.8.2). */
    private ECPoint decode(byte[] share) {
        if (share.length != 1 + 2 * fieldSize || share[0] != 4) {
            throw new IllegalParameter(group + " key share must be an uncompressed point of " + (1 + 2 * fieldSize)
                    + " bytes");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(share, 1, 1 + fieldSize));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(share, 1 + fieldSize, share.length));
        BigInteger p = ((ECFieldFp) parameters.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new IllegalParameter(group + " key share has a coordinate outside the field");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(parameters.getCurve().getA().multiply(x)).add(parameters.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw new IllegalParameter(group + " key share is not a point on the curve");
        }
        return new ECPoint(x, y);
    }

    private final class KeyPair implements KeyExchangeKeyPair {
        private final PrivateKey privateKey;
        private final byte[] publicShare;

        KeyPair(PrivateKey privateKey, byte[] publicShare) {
            this.privateKey = privateKey;
            this.publicShare = publicShare;
        }

        @Override
        public byte[] publicShare() {
            return publicShare.clone();
        }

        @Override
        public byte[] sharedSecret(byte[] peerShare) {
            ECPoint point = decode(peerShare);
            try {
                ECPublicKey peer = (ECPublicKey) KeyFactory.getInstance("EC")
                        .generatePublic(new ECPublicKeySpec(point, parameters));
                KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(privateKey);
                agreement.doPhase(peer, true);
                byte[] secret = agreement.generateSecret();
                if (secret.length == fieldSize) {
                    return secret;
                }
                byte[] padded = new byte[fieldSize];
                System.arraycopy(secret, 0, padded, fieldSize - secret.length, secret.length);
                return padded;
            } catch (GeneralSecurityException e) {
                throw new IllegalParameter(group + " key agreement failed: " + e.getMessage());
            }
        }
    }
}
