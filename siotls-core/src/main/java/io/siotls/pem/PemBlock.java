package io.siotls.pem;

import java.util.Map;

/**
 * One object found in a file: a PEM block (RFC 7468), or the whole file when it is DER, in which
 * case {@code label} is the PEM label the structure would carry.
 *
 * @param label   the PEM label, e.g. {@code CERTIFICATE} or {@code EC PRIVATE KEY}
 * @param der     the DER content
 * @param headers the RFC 1421 headers ({@code Proc-Type}, {@code DEK-Info}), empty for DER
 * @param pem     whether the object came from PEM text
 */
record PemBlock(String label, byte[] der, Map<String, String> headers, boolean pem) {

    /** How error messages name this object, e.g. {@code "a CERTIFICATE"} or {@code "an EC PRIVATE KEY"} or {@code "a DER PRIVATE KEY"}. */
    String describe() {
        if (!pem) {
            return "a DER " + label;
        }
        return ("AEIOURX".indexOf(label.isEmpty() ? ' ' : label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
