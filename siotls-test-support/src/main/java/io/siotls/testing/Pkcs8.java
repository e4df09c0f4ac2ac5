package io.siotls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * PKCS#8 encodings that every peer reads. The JDK leaves the public key out of an EC private
 * key (RFC 5915 makes it optional); GnuTLS refuses such a key, so it is added back here.
 */
public final class Pkcs8 {

    private Pkcs8() {
    }

    /** The PKCS#8 DER of the private key of {@code keys}, with the public key inside for EC. */
    public static byte[] encode(KeyPair keys) {
        if (!(keys.getPrivate() instanceof ECPrivateKey ec)) {
            return keys.getPrivate().getEncoded();
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey withPublic = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(), ec.getS(),
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(), null);
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), withPublic).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
