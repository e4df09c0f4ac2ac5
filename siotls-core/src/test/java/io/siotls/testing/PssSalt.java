package io.siotls.testing;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * Recovers the random salt of an RSASSA-PSS signature (RFC 8017 §9.1.2, run backwards) so a
 * test can replay a published signature by feeding the same salt to the signer.
 */
public final class PssSalt {

    private PssSalt() {
    }

    public static byte[] recover(RSAPublicKey key, byte[] signature, String hash, int saltLength)
            throws NoSuchAlgorithmException {
        int modBits = key.getModulus().bitLength();
        int emLength = (modBits - 1 + 7) / 8;
        byte[] em = toFixed(new BigInteger(1, signature).modPow(key.getPublicExponent(), key.getModulus()), emLength);
        MessageDigest digest = MessageDigest.getInstance(hash);
        int hashLength = digest.getDigestLength();
        byte[] maskedDb = Arrays.copyOfRange(em, 0, emLength - hashLength - 1);
        byte[] h = Arrays.copyOfRange(em, emLength - hashLength - 1, emLength - 1);
        byte[] mask = mgf1(digest, h, maskedDb.length);
        byte[] db = new byte[maskedDb.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = (byte) (maskedDb[i] ^ mask[i]);
        }
        return Arrays.copyOfRange(db, db.length - saltLength, db.length);
    }

    private static byte[] mgf1(MessageDigest digest, byte[] seed, int length) {
        byte[] out = new byte[length];
        int written = 0;
        for (int counter = 0; written < length; counter++) {
            digest.update(seed);
            digest.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
                    (byte) counter});
            byte[] block = digest.digest();
            int count = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, count);
            written += count;
        }
        return out;
    }

    private static byte[] toFixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int start = Math.max(0, bytes.length - length);
        System.arraycopy(bytes, start, out, length - (bytes.length - start), bytes.length - start);
        return out;
    }
}
