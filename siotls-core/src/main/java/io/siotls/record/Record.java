package io.siotls.record;

import io.siotls.iana.ContentType;

/**
 * One record received by {@link RecordReader#next()}: its content type (the inner type when it was
 * protected, RFC 8446 §5.2) and its plaintext content, padding removed. The fragment is a copy
 * that belongs to the caller.
 */
public final class Record {

    private final ContentType type;
    private final byte[] fragment;
    private final boolean wasProtected;

    Record(ContentType type, byte[] fragment, boolean wasProtected) {
        this.type = type;
        this.fragment = fragment;
        this.wasProtected = wasProtected;
    }

    /** The content type: the inner one for a protected record. */
    public ContentType type() {
        return type;
    }

    /** The plaintext content, padding and inner content type removed; the caller may keep and change it. */
    public byte[] fragment() {
        return fragment;
    }

    /** Length of the plaintext content. */
    public int length() {
        return fragment.length;
    }

    /**
     * Whether the record was AEAD-protected on the wire. False for every record before
     * protection is on, and for a change_cipher_spec record after (passed up undecrypted).
     */
    public boolean wasProtected() {
        return wasProtected;
    }

    @Override
    public String toString() {
        return (wasProtected ? "protected " : "") + type + " record of " + fragment.length + " bytes";
    }
}
