package io.siotls.pem;

import io.siotls.alerts.ConfigurationProblem;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The signing key types TLS 1.3 uses (RFC 8446 §4.2.3) and the JCA {@code KeyFactory} name of
 * each: RSA, RSASSA-PSS, EC on P-256/P-384/P-521, Ed25519 and Ed448.
 */
final class KeyAlgorithms {

    private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private static final Map<ASN1ObjectIdentifier, String> UNSUPPORTED = Map.of(
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_X25519, "X25519 (a key agreement key, it cannot sign)",
            EdECObjectIdentifiers.id_X448, "X448 (a key agreement key, it cannot sign)");

    private KeyAlgorithms() {
    }

    /** The JCA {@code KeyFactory} algorithm for a key of {@code algorithm}, or an error naming the unsupported type. */
    static String keyFactoryAlgorithm(AlgorithmIdentifier algorithm, Source source) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        String keyFactory = KEY_FACTORIES.get(oid);
        if (keyFactory == null) {
            String name = UNSUPPORTED.getOrDefault(oid, "with algorithm OID " + oid.getId());
            throw source.error(ConfigurationProblem.UNSUPPORTED, "unsupported key type " + name
                    + "; supported: RSA, RSASSA-PSS, EC (P-256, P-384, P-521), Ed25519, Ed448");
        }
        if ("EC".equals(keyFactory)) {
            checkCurve(algorithm.getParameters(), source);
        }
        return keyFactory;
    }

    private static void checkCurve(ASN1Encodable parameters, Source source) {
        if (parameters == null || parameters instanceof ASN1Null) {
            throw source.error(ConfigurationProblem.UNSUPPORTED,
                    "unsupported EC key: it names no curve, expected P-256, P-384 or P-521");
        }
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            throw source.error(ConfigurationProblem.UNSUPPORTED,
                    "unsupported EC key: explicit curve parameters, expected a named curve (P-256, P-384 or P-521)");
        }
        if (!CURVES.containsKey(curve)) {
            String name = ECNamedCurveTable.getName(curve);
            throw source.error(ConfigurationProblem.UNSUPPORTED,
                    "unsupported EC curve " + (name != null ? name : curve.getId())
                    + "; supported: P-256, P-384, P-521");
        }
    }
}
