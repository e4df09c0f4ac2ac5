package io.siotls.iana;

/**
 * The record plaintext limits a peer may negotiate with the max_fragment_length extension,
 * RFC 6066 §4; {@link #MAX_16384} is the protocol's own limit (RFC 8446 §5.1) and has no code on
 * the wire.
 */
public enum MaxFragmentLength implements IanaCode {
    MAX_512(1, 512),
    MAX_1024(2, 1024),
    MAX_2048(3, 2048),
    MAX_4096(4, 4096),
    MAX_16384(0, 16384);

    private static final IanaCodes<MaxFragmentLength> CODES = new IanaCodes<>(MaxFragmentLength.class);

    private final int code;
    private final int octets;

    MaxFragmentLength(int code, int octets) {
        this.code = code;
        this.octets = octets;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String ianaName() {
        return Integer.toString(octets);
    }

    /** The largest plaintext a record may carry under this limit. */
    public int octets() {
        return octets;
    }

    /** The value registered under {@code code} ({@code 0} is not on the wire), or {@code null}. */
    public static MaxFragmentLength fromCode(int code) {
        return code == 0 ? null : CODES.fromCode(code);
    }

    /** The limit of exactly {@code octets} bytes, or {@code null} when it is not one of the five. */
    public static MaxFragmentLength fromOctets(int octets) {
        for (MaxFragmentLength value : values()) {
            if (value.octets == octets) {
                return value;
            }
        }
        return null;
    }

    /**
     * The limit named by its size in bytes ({@code "4096"}) or by its constant name.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static MaxFragmentLength fromName(String name) {
        return CODES.fromName(name);
    }
}
