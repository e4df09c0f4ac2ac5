package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The ECDHE-MLKEM hybrids of draft-ietf-tls-ecdhe-mlkem §3: each share is the two components'
 * shares concatenated, and so is the shared secret, in the group's order. X25519MLKEM768 puts
 * ML-KEM first; SecP256r1MLKEM768 and SecP384r1MLKEM1024 put ECDHE first. Each component checks
 * its own half (the modulus check, a point on the curve, a non-zero X25519 result), and a share
 * of any other length than the sum of its halves is an illegal_parameter alert.
 */
final class HybridKeyExchange implements KeyExchange {

    /** One half of a hybrid with the lengths of its shares and of its private key. */
    record Component(KeyExchange exchange, int clientShareLength, int serverShareLength, int privateKeyLength) {
    }

    private final NamedGroup group;
    private final Component first;
    private final Component second;

    HybridKeyExchange(NamedGroup group, Component first, Component second) {
        this.group = group;
        this.first = first;
        this.second = second;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public KeyExchangeKeyPair generate(SecureRandom random) {
        return new KeyPair(first.exchange().generate(random), second.exchange().generate(random));
    }

    /** The key pair of the two components' private keys concatenated in the group's order. */
    @Override
    public KeyExchangeKeyPair fromPrivateKey(byte[] privateKey) {
        int length = first.privateKeyLength() + second.privateKeyLength();
        if (privateKey.length != length) {
            throw new IllegalArgumentException(group + " private keys are " + length + " bytes");
        }
        int split = first.privateKeyLength();
        return new KeyPair(first.exchange().fromPrivateKey(Arrays.copyOfRange(privateKey, 0, split)),
                second.exchange().fromPrivateKey(Arrays.copyOfRange(privateKey, split, length)));
    }

    @Override
    public ServerKeyShare respond(byte[] clientShare, SecureRandom random) {
        int split = requireLength(clientShare, first.clientShareLength(), second.clientShareLength(), "key share");
        ServerKeyShare one = first.exchange().respond(Arrays.copyOfRange(clientShare, 0, split), random);
        ServerKeyShare two = second.exchange().respond(Arrays.copyOfRange(clientShare, split, clientShare.length),
                random);
        return new ServerKeyShare(concat(one.share(), two.share()), combine(one.sharedSecret(), two.sharedSecret()));
    }

    private int requireLength(byte[] share, int firstLength, int secondLength, String what) {
        if (share.length != firstLength + secondLength) {
            throw new IllegalParameter(group + " " + what + " must be " + (firstLength + secondLength)
                    + " bytes, got " + share.length);
        }
        return firstLength;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The concatenated shared secret, the halves wiped once copied. */
    private static byte[] combine(byte[] a, byte[] b) {
        byte[] out = concat(a, b);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 0);
        return out;
    }

    private final class KeyPair implements KeyExchangeKeyPair {
        private final KeyExchangeKeyPair one;
        private final KeyExchangeKeyPair two;

        KeyPair(KeyExchangeKeyPair one, KeyExchangeKeyPair two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public byte[] publicShare() {
            return concat(one.publicShare(), two.publicShare());
        }

        @Override
        public byte[] sharedSecret(byte[] peerShare) {
            int split = requireLength(peerShare, first.serverShareLength(), second.serverShareLength(),
                    "server share");
            byte[] a = one.sharedSecret(Arrays.copyOfRange(peerShare, 0, split));
            byte[] b = two.sharedSecret(Arrays.copyOfRange(peerShare, split, peerShare.length));
            return combine(a, b);
        }
    }
}
