package io.siotls.testing;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.util.Locale;

/**
 * GnuTLS' names for the engine's algorithms, as {@link Gnutls.Priority} takes them and as
 * {@code gnutls-cli} and {@code gnutls-serv} print them in their {@code - Description:} line.
 */
public final class GnutlsNames {

    private GnutlsNames() {
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
}
