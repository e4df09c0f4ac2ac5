package io.siotls.spring.autoconfigure;

import io.siotls.alerts.TLSConfigurationException;
import java.util.List;

/**
 * Words a {@link TLSConfigurationException} raised by the core, whose message names siotls
 * options ({@code private_key}, {@code cipher_suites}...), in terms of the {@code siotls.*}
 * properties of one side.
 */
final class CoreFailures {

    /** Core option names, longest first so that a name is never taken for its prefix. */
    private static final List<String> OPTIONS = List.of(
            "private_key_signature_algorithms", "insecure_no_peer_verification", "client_authentication",
            "request_ocsp_stapling", "signature_algorithms", "trusted_public_keys", "max_fragment_length",
            "certificate_chain", "ocsp_response", "cipher_suites", "key_exchanges", "key_log_file",
            "private_key", "public_key", "truststore", "alpn");

    /** How the core's {@link io.siotls.Limits} name their options in a failure. */
    private static final String LIMITS = "limits.";

    private CoreFailures() {
    }

    /** The failure as a property exception under {@code prefix} ({@code siotls.server} or {@code siotls.client}). */
    static SiotlsPropertyException translate(TLSConfigurationException failure, String prefix) {
        String message = failure.getMessage() == null ? "invalid configuration" : failure.getMessage();
        String privateKey = prefix + ".private-key";
        if (message.contains("does not match")) {
            String counterpart = message.contains("does not match public_key") ? prefix + ".public-key"
                    : message.contains("signing chain") ? prefix + ".sni" : prefix + ".certificate-chain";
            return new SiotlsPropertyException(privateKey, message,
                    "Check that " + privateKey + " is the key of " + counterpart + ".", failure);
        }
        if (message.startsWith("private_key: a ")) {
            String property = prefix + ".private-key-signature-algorithms";
            return new SiotlsPropertyException(property, message, "Add to " + property
                    + " a scheme the key can sign with, or leave it unset for the defaults.", failure);
        }
        if (message.startsWith("private_key is set but neither")) {
            return new SiotlsPropertyException(prefix + ".certificate-chain", message, "Set " + prefix
                    + ".certificate-chain (or " + prefix + ".public-key) too, or remove " + privateKey + ".", failure);
        }
        if (message.contains("but private_key is not") || message.startsWith("private_key is mandatory")) {
            return new SiotlsPropertyException(privateKey, message,
                    "Set " + privateKey + " to the private key of this side's certificate or public key.", failure);
        }
        if (message.startsWith("client_authentication=")) {
            return new SiotlsPropertyException(prefix + ".client-auth", message, "Set " + prefix + ".truststore or "
                    + prefix + ".trusted-public-keys, or set " + prefix + ".client-auth to none.", failure);
        }
        if (message.startsWith(LIMITS)) {
            return limitFailure(failure, message, prefix);
        }
        String property = OPTIONS.stream().filter(message::startsWith).findFirst()
                .map(option -> prefix + "." + propertyName(option)).orElse(prefix);
        return new SiotlsPropertyException(property, message,
                property.equals(prefix) ? "Check the " + prefix + ".* properties." : "Check the value of " + property + ".",
                failure);
    }

    /**
     * A {@code limits.<option> ...} failure: the option is {@code siotls.*.limits.<option>}, but
     * for the handshake duration, which {@code siotls.*.handshake-timeout} sets.
     */
    private static SiotlsPropertyException limitFailure(TLSConfigurationException failure, String message,
            String prefix) {
        int end = message.indexOf(' ');
        String option = message.substring(LIMITS.length(), end);
        String property = option.equals("max_handshake_duration") ? prefix + ".handshake-timeout"
                : prefix + ".limits." + propertyName(option);
        return new SiotlsPropertyException(property, message.substring(end + 1),
                "Set " + property + " within the range given, or remove it for the default.", failure);
    }

    /** The property name of a core option. */
    static String propertyName(String option) {
        return option.equals("client_authentication") ? "client-auth" : option.replace('_', '-');
    }
}
