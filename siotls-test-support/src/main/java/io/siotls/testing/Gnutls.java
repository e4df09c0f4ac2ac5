package io.siotls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GnuTLS priority strings and key files for {@link GnutlsServer} and {@link GnutlsClient}. The
 * priority builder takes GnuTLS' own algorithm names (e.g. {@code AES-128-GCM}, {@code X25519},
 * {@code ECDSA-SECP256R1-SHA256}); siotls-core's tests map the engine's algorithms to them.
 */
public final class Gnutls {

    private Gnutls() {
    }

    /**
     * Writes {@code identity}'s private key as PKCS#8 PEM to {@code dir/gnutls-key.pem}, which it
     * returns, with the EC public key inside, which GnuTLS 3.7 requires (see {@link Pkcs8}).
     */
    public static Path writePrivateKey(Identity identity, Path dir) throws IOException {
        Path file = dir.resolve("gnutls-key.pem");
        Files.createDirectories(dir);
        Files.writeString(file, Pem.encode("PRIVATE KEY", Pkcs8.encode(identity.keyPair())), StandardCharsets.US_ASCII);
        return file;
    }

    /** A priority string that allows TLS 1.3 only, narrowed by the builder's methods. */
    public static Priority tls13() {
        return new Priority();
    }

    /**
     * A GnuTLS priority string: {@code NORMAL} restricted to TLS 1.3, and, for each kind of
     * algorithm given, exactly those algorithms in the order given (the first is GnuTLS' favourite).
     */
    public static final class Priority {

        private final List<String> cipherNames = new ArrayList<>();
        private final List<String> groupNames = new ArrayList<>();
        private final List<String> signatureNames = new ArrayList<>();
        private boolean rawPublicKeysOnly;
        private final List<String> pskKeyExchangeNames = new ArrayList<>();

        private Priority() {
        }

        /** Allows only these ciphers, by GnuTLS name (e.g. {@code AES-128-GCM}). */
        public Priority ciphers(String... names) {
            cipherNames.addAll(List.of(names));
            return this;
        }

        /** Allows only these groups, by GnuTLS name; a GnuTLS client sends its first key share for the first. */
        public Priority groups(String... names) {
            groupNames.addAll(List.of(names));
            return this;
        }

        /** Allows only these signature algorithms, by GnuTLS name (e.g. {@code EdDSA-Ed25519}). */
        public Priority signatures(String... names) {
            signatureNames.addAll(List.of(names));
            return this;
        }

        /**
         * Adds these PSK key exchanges, by GnuTLS name: in TLS 1.3, {@code PSK} is psk_ke and
         * {@code ECDHE-PSK} or {@code DHE-PSK} psk_dhe_ke (RFC 8446 §4.2.9).
         */
        public Priority pskKeyExchanges(String... names) {
            pskKeyExchangeNames.addAll(List.of(names));
            return this;
        }

        /** Raw public keys (RFC 7250) as the only certificate type, for both sides' credentials. */
        public Priority rawPublicKeysOnly() {
            rawPublicKeysOnly = true;
            return this;
        }

        @Override
        public String toString() {
            StringBuilder priority = new StringBuilder("NORMAL:-VERS-ALL:+VERS-TLS1.3");
            if (rawPublicKeysOnly) {
                priority.append(":-CTYPE-ALL:+CTYPE-SRV-RAWPK:+CTYPE-CLI-RAWPK");
            }
            if (!cipherNames.isEmpty()) {
                priority.append(":-CIPHER-ALL");
                cipherNames.forEach(name -> priority.append(":+").append(name));
            }
            if (!groupNames.isEmpty()) {
                priority.append(":-GROUP-ALL");
                groupNames.forEach(name -> priority.append(":+GROUP-").append(name));
            }
            if (!signatureNames.isEmpty()) {
                priority.append(":-SIGN-ALL");
                signatureNames.forEach(name -> priority.append(":+SIGN-").append(name));
            }
            if (!pskKeyExchangeNames.isEmpty()) {
                priority.append(":-KX-ALL");
                pskKeyExchangeNames.forEach(name -> priority.append(":+").append(name));
            }
            return priority.toString();
        }
    }
}
