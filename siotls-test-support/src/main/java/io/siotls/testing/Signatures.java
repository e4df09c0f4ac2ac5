package io.siotls.testing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** Checks in tests that a private and a public key belong together, with the JDK's own signatures. */
public final class Signatures {

    private Signatures() {
    }

    /** Whether a signature made by {@code privateKey} verifies with {@code publicKey} (JDK providers only). */
    public static boolean signAndVerify(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        byte[] message = "siotls".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = signature(privateKey.getAlgorithm());
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = signature(publicKey.getAlgorithm());
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static Signature signature(String keyAlgorithm) throws GeneralSecurityException {
        return switch (keyAlgorithm) {
            case "EC" -> Signature.getInstance("SHA256withECDSA");
            case "RSA" -> Signature.getInstance("SHA256withRSA");
            case "RSASSA-PSS" -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            default -> Signature.getInstance(keyAlgorithm);
        };
    }
}
