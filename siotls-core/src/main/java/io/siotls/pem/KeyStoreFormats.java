package io.siotls.pem;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/** Tells a Java key store file from its first bytes: PKCS#12 (RFC 7292), JKS or JCEKS. */
final class KeyStoreFormats {

    static final String PKCS12 = "PKCS12";
    static final String JKS = "JKS";
    static final String JCEKS = "JCEKS";

    private static final byte DER_SEQUENCE = 0x30;
    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;
    private static final String PKCS7_DATA = "1.2.840.113549.1.7.1";
    private static final String PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";

    private KeyStoreFormats() {
    }

    /** The JDK KeyStore type of {@code content} ({@link #PKCS12}, {@link #JKS} or {@link #JCEKS}), or null. */
    static String typeOf(byte[] content) {
        if (content == null || content.length < 4) {
            return null;
        }
        int magic = ((content[0] & 0xFF) << 24) | ((content[1] & 0xFF) << 16) | ((content[2] & 0xFF) << 8)
                | (content[3] & 0xFF);
        if (magic == JKS_MAGIC) {
            return JKS;
        }
        if (magic == JCEKS_MAGIC) {
            return JCEKS;
        }
        return content[0] == DER_SEQUENCE && isPkcs12(content) ? PKCS12 : null;
    }

    /** How messages name {@code type}: {@code PKCS#12} for PKCS12, else the type. */
    static String displayName(String type) {
        return PKCS12.equals(type) ? "PKCS#12" : type;
    }

    /** A PFX (RFC 7292 §4): SEQUENCE { version 3, authSafe ContentInfo of data or signedData, ... }. */
    private static boolean isPkcs12(byte[] content) {
        ASN1Primitive der;
        try {
            der = ASN1Primitive.fromByteArray(content);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (!(der instanceof ASN1Sequence pfx) || pfx.size() < 2
                || !(pfx.getObjectAt(0) instanceof ASN1Integer version) || !version.getValue().equals(BigInteger.valueOf(3))
                || !(pfx.getObjectAt(1) instanceof ASN1Sequence authSafe) || authSafe.size() < 1
                || !(authSafe.getObjectAt(0) instanceof ASN1ObjectIdentifier type)) {
            return false;
        }
        return type.getId().equals(PKCS7_DATA) || type.getId().equals(PKCS7_SIGNED_DATA);
    }
}
