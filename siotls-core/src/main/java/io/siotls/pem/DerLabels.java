package io.siotls.pem;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/** Recognises a DER structure by its shape and names it with its PEM label (RFC 7468 §5-§11). */
final class DerLabels {

    private static final int RSA_PRIVATE_KEY_INTEGERS = 9;

    private DerLabels() {
    }

    /** The PEM label of {@code der}, or null when it is none of the supported structures. */
    static String labelOf(ASN1Primitive der) {
        if (!(der instanceof ASN1Sequence sequence) || sequence.size() < 2) {
            return null;
        }
        ASN1Encodable first = sequence.getObjectAt(0);
        ASN1Encodable second = sequence.getObjectAt(1);
        ASN1Encodable third = sequence.size() > 2 ? sequence.getObjectAt(2) : null;
        if (sequence.size() == 3 && first instanceof ASN1Sequence && second instanceof ASN1Sequence
                && third instanceof ASN1BitString) {
            return "CERTIFICATE";
        }
        if (sequence.size() == 2 && first instanceof ASN1Sequence) {
            if (second instanceof ASN1BitString) {
                return "PUBLIC KEY";
            }
            return second instanceof ASN1OctetString ? "ENCRYPTED PRIVATE KEY" : null;
        }
        if (first instanceof ASN1Integer && second instanceof ASN1Sequence && third instanceof ASN1OctetString) {
            return "PRIVATE KEY";
        }
        if (isRsaPrivateKey(sequence)) {
            return "RSA PRIVATE KEY";
        }
        if (first instanceof ASN1Integer version && version.hasValue(1) && second instanceof ASN1OctetString) {
            return "EC PRIVATE KEY";
        }
        return null;
    }

    private static boolean isRsaPrivateKey(ASN1Sequence sequence) {
        if (sequence.size() < RSA_PRIVATE_KEY_INTEGERS) {
            return false;
        }
        for (int i = 0; i < RSA_PRIVATE_KEY_INTEGERS; i++) {
            if (!(sequence.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }
}
