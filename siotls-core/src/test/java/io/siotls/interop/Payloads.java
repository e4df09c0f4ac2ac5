package io.siotls.interop;

import java.nio.charset.StandardCharsets;

/** Test payloads that line-oriented peers (gnutls-serv --echo, gnutls-cli) pass through unchanged. */
final class Payloads {

    private static final int LINE_LENGTH = 64;
    private static final String FILLER = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

    private Payloads() {
    }

    /** {@code size} bytes (a multiple of 64) of numbered ASCII lines of 64 bytes, LF-terminated, no CR. */
    static byte[] lines(int size) {
        if (size % LINE_LENGTH != 0) {
            throw new IllegalArgumentException(size + " is not a multiple of " + LINE_LENGTH);
        }
        StringBuilder text = new StringBuilder(size);
        for (int line = 0; line < size / LINE_LENGTH; line++) {
            String number = String.format("%06d ", line);
            text.append(number).append(FILLER, 0, LINE_LENGTH - 1 - number.length()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
