package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * X25519 and X448 (RFC 7748, RFC 8446 §4.2.8.2, §7.4.2) on BouncyCastle's constant-time
 * implementation, measured faster than the JDK's XDH.
 */
final class MontgomeryKeyExchange implements KeyExchange {

    private final NamedGroup group;
    private final int size;

    MontgomeryKeyExchange(NamedGroup group) {
        this.group = group;
        this.size = group == NamedGroup.X25519 ? X25519.SCALAR_SIZE : X448.SCALAR_SIZE;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public KeyExchangeKeyPair generate(SecureRandom random) {
        byte[] scalar = new byte[size];
        random.nextBytes(scalar);
        return fromPrivateKey(scalar);
    }

    @Override
    public KeyExchangeKeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != size) {
            throw new IllegalArgumentException(group + " private keys are " + size + " bytes");
        }
        byte[] scalar = privateKey.clone();
        byte[] publicShare = new byte[size];
        if (group == NamedGroup.X25519) {
            X25519.generatePublicKey(scalar, 0, publicShare, 0);
        } else {
            X448.generatePublicKey(scalar, 0, publicShare, 0);
        }
        return new KeyPair(scalar, publicShare);
    }

    private final class KeyPair implements KeyExchangeKeyPair {
        private final byte[] scalar;
        private final byte[] publicShare;

        KeyPair(byte[] scalar, byte[] publicShare) {
            this.scalar = scalar;
            this.publicShare = publicShare;
        }

        @Override
        public byte[] publicShare() {
            return publicShare.clone();
        }

        @Override
        public byte[] sharedSecret(byte[] peerShare) {
            if (peerShare.length != size) {
                throw new IllegalParameter(group + " key share must be " + size + " bytes, got " + peerShare.length);
            }
            byte[] secret = new byte[size];
            boolean nonZero = group == NamedGroup.X25519
                    ? X25519.calculateAgreement(scalar, 0, peerShare, 0, secret, 0)
                    : X448.calculateAgreement(scalar, 0, peerShare, 0, secret, 0);
            if (!nonZero) {
                throw new IllegalParameter(group + " key share is a low-order point: the shared secret is all zeros");
            }
            return secret;
        }
    }
}
