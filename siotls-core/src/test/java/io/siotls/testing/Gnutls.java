package io.siotls.testing;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GnuTLS' names for our algorithms, as its priority strings take them and as {@code gnutls-cli}
 * and {@code gnutls-serv} print them in their {@code - Description:} line.
 */
public final class Gnutls {

    private Gnutls() {
    }

    /** The cipher name of {@code suite}, e.g. {@code AES-128-GCM}. */
    public static String cipher(CipherSuite suite) {
        return switch (suite) {
            case TLS_AES_128_GCM_SHA256 -> "AES-128-GCM";
            case TLS_AES_256_GCM_SHA384 -> "AES-256-GCM";
            case TLS_CHACHA20_POLY1305_SHA256 -> "CHACHA20-POLY1305";
            case TLS_AES_128_CCM_SHA256 -> "AES-128-CCM";
            case TLS_AES_128_CCM_8_SHA256 -> "AES-128-CCM-8";
        };
    }

    /** The group name of {@code group}, e.g. {@code X25519} or {@code FFDHE2048}. */
    public static String group(NamedGroup group) {
        return group.ianaName().toUpperCase(Locale.ROOT);
    }

    /** The signature name of {@code scheme}, e.g. {@code ECDSA-SECP256R1-SHA256} or {@code EdDSA-Ed25519}. */
    public static String signature(SignatureScheme scheme) {
        return switch (scheme) {
            case ECDSA_SECP256R1_SHA256 -> "ECDSA-SECP256R1-SHA256";
            case ECDSA_SECP384R1_SHA384 -> "ECDSA-SECP384R1-SHA384";
            case ECDSA_SECP521R1_SHA512 -> "ECDSA-SECP521R1-SHA512";
            case ED25519 -> "EdDSA-Ed25519";
            case ED448 -> "EdDSA-Ed448";
            case RSA_PSS_RSAE_SHA256 -> "RSA-PSS-RSAE-SHA256";
            case RSA_PSS_RSAE_SHA384 -> "RSA-PSS-RSAE-SHA384";
            case RSA_PSS_RSAE_SHA512 -> "RSA-PSS-RSAE-SHA512";
            case RSA_PSS_PSS_SHA256 -> "RSA-PSS-SHA256";
            case RSA_PSS_PSS_SHA384 -> "RSA-PSS-SHA384";
            case RSA_PSS_PSS_SHA512 -> "RSA-PSS-SHA512";
            default -> throw new IllegalArgumentException(scheme + " cannot sign a TLS 1.3 CertificateVerify");
        };
    }

    /**
     * What GnuTLS prints after {@code - Description: } for a TLS 1.3 handshake authenticated by
     * certificate, e.g. {@code (TLS1.3-X.509)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-128-GCM)}.
     */
    public static String description(CipherSuite suite, NamedGroup group, SignatureScheme scheme) {
        return "(TLS1.3-X.509)-(" + (group.isFiniteField() ? "DHE-" : "ECDHE-") + group(group) + ")-("
                + signature(scheme) + ")-(" + cipher(suite) + ")";
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

        private Priority() {
        }

        /** Allows only these cipher suites. */
        public Priority suites(CipherSuite... suites) {
            for (CipherSuite suite : suites) {
                cipherNames.add(cipher(suite));
            }
            return this;
        }

        /** Allows only these groups; a GnuTLS client sends its first key share for the first. */
        public Priority groups(NamedGroup... groups) {
            for (NamedGroup group : groups) {
                groupNames.add(group(group));
            }
            return this;
        }

        /** Allows only these signature schemes. */
        public Priority signatures(SignatureScheme... schemes) {
            for (SignatureScheme scheme : schemes) {
                signatureNames.add(signature(scheme));
            }
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
            return priority.toString();
        }
    }
}
