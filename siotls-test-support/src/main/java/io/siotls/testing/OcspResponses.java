package io.siotls.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** DER OCSP responses (RFC 6960) signed by a test CA, for stapling tests. */
public final class OcspResponses {

    private OcspResponses() {
    }

    /** A successful response saying {@code leaf}, issued by {@code issuer}, is good. */
    public static byte[] good(X509Certificate leaf, X509Certificate issuer, KeyPair issuerKeys,
            String signatureAlgorithm) throws Exception {
        BouncyCastleProvider provider = new BouncyCastleProvider();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(provider).build();
        CertificateID id = new JcaCertificateID(digests.get(CertificateID.HASH_SHA1), issuer,
                leaf.getSerialNumber());
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(issuer.getPublicKey(),
                digests.get(CertificateID.HASH_SHA1));
        Date now = new Date();
        builder.addResponse(id, CertificateStatus.GOOD, now, new Date(now.getTime() + 3_600_000L));
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(provider)
                .build(issuerKeys.getPrivate()), new X509CertificateHolder[] {new JcaX509CertificateHolder(issuer)}, now);
        OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return response.getEncoded();
    }
}
