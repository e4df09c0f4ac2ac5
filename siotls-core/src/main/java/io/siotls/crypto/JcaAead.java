package io.siotls.crypto;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.iana.CipherSuite;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM and ChaCha20-Poly1305 through JCA (RFC 5116, RFC 8439), one {@link Cipher} kept per
 * instance. JCA still allocates a parameter spec per record.
 */
final class JcaAead implements Aead {

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final CipherSuite suite;
    private final SecretKeySpec key;
    private final Cipher cipher;

    JcaAead(CipherSuite suite, byte[] key) {
        this.suite = suite;
        boolean chacha = suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256;
        this.key = new SecretKeySpec(key, chacha ? "ChaCha20" : "AES");
        try {
            this.cipher = newCipher(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(suite + " is not available from JCA", e);
        }
    }

    /**
     * A cipher from the provider JCA picks for {@code transformation}, looked up once: a cipher
     * asked of a named provider does not keep JCA's list of candidate providers, which an
     * uninitialised one would hold for the whole life of an idle connection.
     */
    private static Cipher newCipher(String transformation) throws GeneralSecurityException {
        Provider provider = PROVIDERS.get(transformation);
        if (provider == null) {
            provider = Cipher.getInstance(transformation).getProvider();
            PROVIDERS.putIfAbsent(transformation, provider);
        }
        return Cipher.getInstance(transformation, provider);
    }

    private AlgorithmParameterSpec parameters(byte[] nonce) {
        return suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(suite.tagLength() * 8, nonce);
    }

    @Override
    public int tagLength() {
        return suite.tagLength();
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer output) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext, output);
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(suite + " encryption failed", e);
        }
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer content, ByteBuffer trailer, ByteBuffer output) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(nonce));
            cipher.updateAAD(aad);
            int written = cipher.update(content, output);
            return written + cipher.doFinal(trailer, output);
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(suite + " encryption failed", e);
        }
    }

    /**
     * Opens the record. On failure the positions are put back (JCA's ChaCha20-Poly1305 leaves a
     * direct input buffer consumed); what JCA left where the plaintext would have gone is the
     * caller's to discard, see {@link Aead#open}.
     *
     * <p>A direct output buffer is handed to AES-GCM as a slice starting at its position: when a
     * tag does not match, JDK 25's GaloisCounterMode (not 17's) zeroes a direct output from its
     * first byte rather than from its position (position + plaintext length bytes from the
     * buffer's address), which would wipe the caller's bytes before the position.
     */
    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output) {
        int inPosition = ciphertext.position();
        int outPosition = output.position();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(nonce));
            cipher.updateAAD(aad);
            if (outPosition == 0 || !output.isDirect() || suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
                return cipher.doFinal(ciphertext, output);
            }
            int written = cipher.doFinal(ciphertext, output.slice());
            output.position(outPosition + written);
            return written;
        } catch (AEADBadTagException e) {
            throw failed(nonce, ciphertext, inPosition, output, outPosition,
                    "record authentication failed (" + suite + ")");
        } catch (GeneralSecurityException e) {
            throw failed(nonce, ciphertext, inPosition, output, outPosition,
                    "record decryption failed (" + suite + "): " + e.getClass().getSimpleName());
        }
    }

    private BadRecordMac failed(byte[] nonce, ByteBuffer ciphertext, int inPosition, ByteBuffer output,
            int outPosition, String message) {
        ciphertext.position(inPosition);
        output.position(outPosition);
        forgetNonce(nonce);
        return new BadRecordMac(message);
    }

    /**
     * JDK 17's ChaCha20-Poly1305 refuses to be initialised twice in a row with one key and nonce,
     * even to decrypt (later JDKs check only encryption): a record that failed could not be
     * followed by another opened with its nonce. Initialising it with another nonce resets that.
     */
    private void forgetNonce(byte[] nonce) {
        if (suite != CipherSuite.TLS_CHACHA20_POLY1305_SHA256) {
            return;
        }
        byte[] other = nonce.clone();
        other[0] ^= 1;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(other));
        } catch (GeneralSecurityException e) {
            // The next open reports it as bad_record_mac.
        }
    }
}
