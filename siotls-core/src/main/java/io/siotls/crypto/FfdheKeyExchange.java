package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;

/**
 * Finite field Diffie-Hellman over the RFC 7919 groups (RFC 8446 §4.2.8.1, §7.4.1): public
 * values and shared secrets left-padded to the prime's length, peer values checked to lie in
 * 1 < Y < p-1. Private exponents have the lengths RFC 7919 §5.2 recommends.
 */
final class FfdheKeyExchange implements KeyExchange {

    private final NamedGroup group;
    private final BigInteger p;
    private final BigInteger g;
    private final int exponentBits;
    private final int length;

    FfdheKeyExchange(NamedGroup group) {
        this.group = group;
        DHParameters parameters = switch (group) {
            case FFDHE2048 -> DHStandardGroups.rfc7919_ffdhe2048;
            case FFDHE3072 -> DHStandardGroups.rfc7919_ffdhe3072;
            case FFDHE4096 -> DHStandardGroups.rfc7919_ffdhe4096;
            case FFDHE6144 -> DHStandardGroups.rfc7919_ffdhe6144;
            case FFDHE8192 -> DHStandardGroups.rfc7919_ffdhe8192;
            default -> throw new IllegalArgumentException(group + " is not a finite field group");
        };
        this.p = parameters.getP();
        this.g = parameters.getG();
        this.length = (p.bitLength() + 7) / 8;
        this.exponentBits = switch (group) {
            case FFDHE2048 -> 225;
            case FFDHE3072 -> 275;
            case FFDHE4096 -> 325;
            case FFDHE6144 -> 375;
            default -> 400;
        };
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public KeyExchangeKeyPair generate(SecureRandom random) {
        BigInteger x;
        do {
            x = new BigInteger(exponentBits, random);
        } while (x.bitLength() < 2);
        return new KeyPair(x);
    }

    @Override
    public KeyExchangeKeyPair fromPrivateKey(byte[] privateKey) {
        return new KeyPair(new BigInteger(1, privateKey));
    }

    private byte[] pad(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int start = bytes.length > length ? bytes.length - length : 0;
        System.arraycopy(bytes, start, out, length - (bytes.length - start), bytes.length - start);
        return out;
    }

    private final class KeyPair implements KeyExchangeKeyPair {
        private final BigInteger x;

        KeyPair(BigInteger x) {
            this.x = x;
        }

        @Override
        public byte[] publicShare() {
            return pad(g.modPow(x, p));
        }

        @Override
        public byte[] sharedSecret(byte[] peerShare) {
            if (peerShare.length != length) {
                throw new IllegalParameter(group + " key share must be " + length + " bytes, got " + peerShare.length);
            }
            BigInteger y = new BigInteger(1, peerShare);
            if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
                throw new IllegalParameter(group + " key share is outside 1 < Y < p-1 (RFC 8446 §4.2.8.1)");
            }
            return pad(y.modPow(x, p));
        }
    }
}
