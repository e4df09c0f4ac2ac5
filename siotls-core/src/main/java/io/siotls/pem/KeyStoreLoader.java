package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.EMPTY;
import static io.siotls.alerts.ConfigurationProblem.MALFORMED;
import static io.siotls.alerts.ConfigurationProblem.UNSUPPORTED;
import static io.siotls.alerts.ConfigurationProblem.WRONG_KIND;
import static io.siotls.alerts.ConfigurationProblem.WRONG_PASSWORD;

import io.siotls.alerts.ConfigurationOption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;

/**
 * Loads a Java key store file: PKCS#12 (RFC 7292), JKS or JCEKS, its type told by its content,
 * never by its name. Which entries it must hold is for its user to check
 * ({@link io.siotls.SigningChain#fromKeyStore}, {@link io.siotls.trust.TrustStores#fromKeyStore}).
 */
public final class KeyStoreLoader {

    private KeyStoreLoader() {
    }

    /** The JDK KeyStore type of {@code content}: {@code PKCS12}, {@code JKS} or {@code JCEKS}; null when it is none. */
    public static String typeOf(byte[] content) {
        return KeyStoreFormats.typeOf(content);
    }

    /**
     * The key store in {@code file}, loaded for {@code option}.
     *
     * @param password the store password; null reads it without checking its integrity (JKS), and
     *        without the entries a PKCS#12 file encrypts
     * @throws io.siotls.alerts.TLSConfigurationException naming the file: {@code WRONG_PASSWORD} when
     *         the password does not open it, {@code WRONG_KIND} or {@code MALFORMED} when it is no key store
     */
    public static KeyStore load(Path file, char[] password, ConfigurationOption option) {
        Source source = Source.of(file, option);
        return load(source.read(file), source, password);
    }

    /**
     * The key store in {@code content}, loaded for {@code option}; {@code sourceName} names it in
     * error messages. As {@link #load(Path, char[], ConfigurationOption)}.
     */
    public static KeyStore load(byte[] content, String sourceName, char[] password, ConfigurationOption option) {
        return load(content, Source.of(sourceName, option), password);
    }

    private static KeyStore load(byte[] content, Source source, char[] password) {
        if (content == null || content.length == 0) {
            throw source.error(EMPTY, "is empty");
        }
        String type = KeyStoreFormats.typeOf(content);
        if (type == null) {
            throw notAKeyStore(content, source);
        }
        String name = KeyStoreFormats.displayName(type);
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw source.error(UNSUPPORTED, "is a " + name + " key store, which this JDK cannot read", e);
        }
        try {
            store.load(new ByteArrayInputStream(content), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw source.error(WRONG_PASSWORD, "the password does not open this " + name + " key store ("
                        + e.getMessage() + ")", e);
            }
            throw source.error(MALFORMED, "is a malformed " + name + " key store: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw source.error(UNSUPPORTED, "this " + name + " key store cannot be read: " + e.getMessage(), e);
        }
    }

    private static RuntimeException notAKeyStore(byte[] content, Source source) {
        if (new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
            return source.error(WRONG_KIND, "is a PEM file, not a PKCS#12 or JKS key store");
        }
        return source.error(MALFORMED, "is not a PKCS#12, JKS or JCEKS key store");
    }
}
