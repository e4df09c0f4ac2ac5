package io.siotls.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** A SecureRandom handing out given byte strings, one per request of exactly its length, in order. */
final class QueuedRandom extends SecureRandom {

    private final Deque<byte[]> queue = new ArrayDeque<>();

    QueuedRandom(byte[]... values) {
        for (byte[] value : values) {
            queue.add(value.clone());
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        byte[] next = queue.poll();
        if (next == null || next.length != out.length) {
            throw new AssertionError("asked for " + out.length + " random bytes; the test queued "
                    + (next == null ? "nothing more" : next.length + " bytes"));
        }
        System.arraycopy(next, 0, out, 0, out.length);
    }

    boolean isUsedUp() {
        return queue.isEmpty();
    }
}
