package io.siotls.testing;

import java.util.HexFormat;

/** Hex decoding for test vectors copied from RFCs, and bit flipping for tampering tests. */
public final class Hex {

    private Hex() {
    }

    /** The bytes of {@code hex}, whitespace (as in RFC listings) ignored. */
    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A copy of {@code bytes} with bit {@code bit} (0 = lowest bit of the first byte) inverted. */
    public static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
