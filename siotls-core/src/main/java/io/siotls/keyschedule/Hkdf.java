package io.siotls.keyschedule;

import io.siotls.crypto.CryptoProvider;
import io.siotls.crypto.Hmac;
import java.nio.charset.StandardCharsets;

/**
 * HKDF (RFC 5869) and TLS 1.3's HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1), on one
 * reusable {@link Hmac}: for one connection at a time, not thread-safe.
 */
public final class Hkdf {

    private static final byte[] LABEL_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);

    private final Hmac hmac;
    private final int hashLength;

    public Hkdf(CryptoProvider crypto, String hashAlgorithm) {
        this.hmac = crypto.hmac(hashAlgorithm);
        this.hashLength = hmac.length();
    }

    /** HMAC-Hash(key, data) with this HKDF's hash. */
    public byte[] hmac(byte[] key, byte[] data) {
        return hmac.compute(key, data);
    }

    public int hashLength() {
        return hashLength;
    }

    /** HKDF-Extract(salt, IKM), RFC 5869 §2.2; an empty salt means hashLength zeros. */
    public byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt == null || salt.length == 0 ? new byte[hashLength] : salt;
        return hmac.compute(key, ikm);
    }

    /** HKDF-Expand(PRK, info, L), RFC 5869 §2.3. */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " out of 0.." + 255 * hashLength);
        }
        byte[] output = new byte[length];
        byte[] previous = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            byte[] input = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(info, 0, input, previous.length, info.length);
            input[input.length - 1] = (byte) counter;
            previous = hmac.compute(prk, input);
            int count = Math.min(previous.length, length - written);
            System.arraycopy(previous, 0, output, written, count);
            written += count;
        }
        return output;
    }

    /** HKDF-Expand-Label(Secret, Label, Context, Length), RFC 8446 §7.1. */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int fullLabelLength = LABEL_PREFIX.length + labelBytes.length;
        if (fullLabelLength > 255 || context.length > 255) {
            throw new IllegalArgumentException("HkdfLabel label or context longer than 255 bytes");
        }
        byte[] info = new byte[2 + 1 + fullLabelLength + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabelLength;
        System.arraycopy(LABEL_PREFIX, 0, info, 3, LABEL_PREFIX.length);
        System.arraycopy(labelBytes, 0, info, 3 + LABEL_PREFIX.length, labelBytes.length);
        info[3 + fullLabelLength] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + fullLabelLength, context.length);
        return expand(secret, info, length);
    }

    /** Derive-Secret(Secret, Label, Messages), RFC 8446 §7.1, given Transcript-Hash(Messages). */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, hashLength);
    }
}
