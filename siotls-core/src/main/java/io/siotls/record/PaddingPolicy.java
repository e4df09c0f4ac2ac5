package io.siotls.record;

import io.siotls.iana.ContentType;

/**
 * Chooses how many zero bytes to append to the content of a protected record, to hide its
 * length (RFC 8446 §5.4). Only protected records are padded.
 */
@FunctionalInterface
public interface PaddingPolicy {

    /** No padding at all: the default. */
    PaddingPolicy NONE = (type, contentLength, maxPaddingLength) -> 0;

    /**
     * The number of padding bytes for one record. The writer clamps the answer into
     * {@code [0, maxPaddingLength]}.
     *
     * @param type the content type of the record
     * @param contentLength the number of content bytes in the record
     * @param maxPaddingLength the most padding the record can take: the maximum fragment
     *     length minus {@code contentLength}
     */
    int paddingLength(ContentType type, int contentLength, int maxPaddingLength);

    /**
     * Pads each record's content up to the next multiple of {@code blockSize} (as far as the
     * fragment limit allows), so that an observer learns lengths only to that granularity.
     *
     * @throws IllegalArgumentException when {@code blockSize} is not positive
     */
    static PaddingPolicy toMultipleOf(int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        return (type, contentLength, maxPaddingLength) -> {
            int remainder = contentLength % blockSize;
            int padding = remainder == 0 && contentLength > 0 ? 0 : blockSize - remainder;
            return Math.min(padding, maxPaddingLength);
        };
    }
}
