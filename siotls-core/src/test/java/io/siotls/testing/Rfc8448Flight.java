package io.siotls.testing;

import io.siotls.crypto.Aead;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens the protected handshake records of an RFC 8448 trace (TLS_AES_128_GCM_SHA256) with the
 * traffic keys the trace gives, RFC 8446 §5.2 and §5.3, and splits them into handshake messages.
 */
public final class Rfc8448Flight {

    private Rfc8448Flight() {
    }

    /** The handshake messages (headers included) of the protected record {@code record}. */
    public static List<byte[]> open(byte[] record, byte[] key, byte[] iv, long sequenceNumber) {
        int length = (record[3] & 0xff) << 8 | (record[4] & 0xff);
        if (record[0] != ContentType.APPLICATION_DATA.code() || record.length != 5 + length) {
            throw new AssertionError("not exactly one protected record");
        }
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        Aead aead = CryptoProvider.getDefault().aead(CipherSuite.TLS_AES_128_GCM_SHA256, key);
        ByteBuffer inner = ByteBuffer.allocate(length);
        aead.open(nonce, Arrays.copyOf(record, 5), ByteBuffer.wrap(record, 5, length), inner);
        int end = inner.position();
        while (end > 0 && inner.get(end - 1) == 0) {
            end--;
        }
        if (end == 0 || inner.get(end - 1) != ContentType.HANDSHAKE.code()) {
            throw new AssertionError("the record does not hold handshake messages");
        }
        return split(Arrays.copyOf(inner.array(), end - 1));
    }

    /** Handshake messages laid end to end, split (each keeps its 4-byte header). */
    public static List<byte[]> split(byte[] messages) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at < messages.length) {
            int length = (messages[at + 1] & 0xff) << 16 | (messages[at + 2] & 0xff) << 8 | (messages[at + 3] & 0xff);
            out.add(Arrays.copyOfRange(messages, at, at + 4 + length));
            at += 4 + length;
        }
        return out;
    }
}
