package io.siotls.crypto;

import io.siotls.alerts.InternalErrorAlert;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC on one JCA {@link Mac}, re-keyed on each call: the provider lookup and the hash state are
 * paid once per key schedule rather than once per HKDF step.
 */
final class JcaHmac implements Hmac {

    private final String algorithm;
    private final Mac mac;

    JcaHmac(String hashAlgorithm) {
        this.algorithm = "Hmac" + hashAlgorithm.replace("-", "");
        try {
            this.mac = Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(algorithm + " is not available", e);
        }
    }

    @Override
    public byte[] compute(byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(algorithm + " refused its key", e);
        }
        return mac.doFinal(data);
    }

    @Override
    public int length() {
        return mac.getMacLength();
    }
}
