package io.siotls.record;

import io.siotls.iana.ContentType;

/** Checks of the arguments callers pass in: misuse raises IllegalArgumentException, never an NPE. */
final class Arguments {

    private Arguments() {
    }

    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static void checkRange(byte[] data, int offset, int length) {
        requireNonNull(data, "data");
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " are out of an array of " + data.length + " bytes");
        }
    }

    /** A content type the TLS 1.3 record layer carries: TLS 1.3 does not use heartbeat. */
    static ContentType requireRecordType(ContentType type) {
        requireNonNull(type, "type");
        if (type == ContentType.HEARTBEAT) {
            throw new IllegalArgumentException("TLS 1.3 does not carry heartbeat records");
        }
        return type;
    }
}
