package io.siotls.spring.autoconfigure;

import static io.siotls.alerts.ConfigurationOption.CERTIFICATE_CHAIN;
import static io.siotls.alerts.ConfigurationOption.PRIVATE_KEY;
import static io.siotls.alerts.ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS;
import static io.siotls.alerts.ConfigurationOption.PUBLIC_KEY;
import static io.siotls.alerts.ConfigurationOption.TRUSTED_PUBLIC_KEYS;
import static io.siotls.alerts.ConfigurationOption.TRUSTSTORE;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;

/**
 * Turns a {@link TLSConfigurationException} raised by the core into a failure of the
 * {@code siotls.*} property of one side that sets the option at fault, by the exception's
 * {@link TLSConfigurationException#option() option} and {@link TLSConfigurationException#problem()
 * problem}; its message is shown as it is, never parsed.
 */
final class CoreFailures {

    private CoreFailures() {
    }

    /** The failure as a property exception under {@code prefix} ({@code siotls.server} or {@code siotls.client}). */
    static SiotlsPropertyException translate(TLSConfigurationException failure, String prefix) {
        String message = failure.getMessage() == null ? "invalid configuration" : failure.getMessage();
        String property = property(prefix, failure.option());
        String privateKey = property(prefix, PRIVATE_KEY);
        return switch (failure.problem()) {
            case KEY_MISMATCH -> new SiotlsPropertyException(privateKey, message,
                    "Check that " + privateKey + " is the key of " + property + ".", failure);
            case WRONG_ORDER -> new SiotlsPropertyException(property, message, "Reorder " + property
                    + ": put the certificate of the private key first, then its issuers, each certificate followed"
                    + " by the one that issued it.", failure);
            case KEY_CANNOT_SIGN -> {
                String schemes = property(prefix, PRIVATE_KEY_SIGNATURE_ALGORITHMS);
                yield new SiotlsPropertyException(schemes, message, "Add to " + schemes
                        + " a scheme the key can sign with, or leave it unset for the defaults.", failure);
            }
            case MISSING, INCOMPLETE -> missing(failure, message, prefix);
            case OUT_OF_RANGE -> new SiotlsPropertyException(property, message,
                    "Set " + property + " within the range given, or remove it for the default.", failure);
            default -> new SiotlsPropertyException(property, message, "Check the value of " + property + ".", failure);
        };
    }

    /** A mandatory option that is not set, or an option set without one it needs. */
    private static SiotlsPropertyException missing(TLSConfigurationException failure, String message, String prefix) {
        String privateKey = property(prefix, PRIVATE_KEY);
        if (failure.option() == PRIVATE_KEY && failure.problem() == ConfigurationProblem.INCOMPLETE) {
            String chain = property(prefix, CERTIFICATE_CHAIN);
            return new SiotlsPropertyException(chain, message, "Set " + chain + " (or " + property(prefix, PUBLIC_KEY)
                    + ") too, or remove " + privateKey + ".", failure);
        }
        String property = property(prefix, failure.option());
        return switch (failure.option()) {
            case PRIVATE_KEY, CERTIFICATE_CHAIN, PUBLIC_KEY -> new SiotlsPropertyException(privateKey, message,
                    "Set " + privateKey + " to the private key of this side's certificate or public key.", failure);
            case CLIENT_AUTHENTICATION -> new SiotlsPropertyException(property, message, "Set "
                    + property(prefix, TRUSTSTORE) + " or " + property(prefix, TRUSTED_PUBLIC_KEYS) + ", or set "
                    + property + " to none.", failure);
            default -> new SiotlsPropertyException(property, message, "Check the value of " + property + ".", failure);
        };
    }

    /** The property under {@code prefix} that sets {@code option}. */
    static String property(String prefix, ConfigurationOption option) {
        return prefix + "." + switch (option) {
            case CIPHER_SUITES -> "cipher-suites";
            case KEY_EXCHANGES -> "key-exchanges";
            case SIGNATURE_ALGORITHMS -> "signature-algorithms";
            case PRIVATE_KEY_SIGNATURE_ALGORITHMS -> "private-key-signature-algorithms";
            case ALPN -> "alpn";
            case PRIVATE_KEY -> "private-key";
            case CERTIFICATE_CHAIN -> "certificate-chain";
            case PUBLIC_KEY -> "public-key";
            case SIGNING_CHAIN -> "sni";
            case TRUSTSTORE -> "truststore";
            case TRUSTED_PUBLIC_KEYS -> "trusted-public-keys";
            case CLIENT_AUTHENTICATION -> "client-auth";
            case OCSP_RESPONSE -> "ocsp-response";
            case REQUEST_OCSP_STAPLING -> "request-ocsp-stapling";
            case KEY_LOG_FILE -> "key-log-file";
            case INSECURE_NO_PEER_VERIFICATION -> "insecure-no-peer-verification";
            case LIMITS_MAX_HANDSHAKE_MESSAGE_LENGTH -> "limits.max-handshake-message-length";
            case LIMITS_MAX_CERTIFICATE_CHAIN_LENGTH -> "limits.max-certificate-chain-length";
            case LIMITS_MAX_BUFFERED_APPLICATION_DATA -> "limits.max-buffered-application-data";
            case LIMITS_MAX_EMPTY_RECORDS -> "limits.max-empty-records";
            case LIMITS_MAX_WARNING_ALERTS -> "limits.max-warning-alerts";
            case LIMITS_MAX_CHANGE_CIPHER_SPEC_RECORDS -> "limits.max-change-cipher-spec-records";
            case LIMITS_MAX_KEY_UPDATES -> "limits.max-key-updates";
            case LIMITS_MAX_HANDSHAKE_DURATION -> "handshake-timeout";
            case SESSION_TICKETS -> "session-tickets.count";
            case SESSION_TICKET_LIFETIME -> "session-tickets.lifetime";
            case SESSION_TICKET_KEYS -> "session-tickets";
            // no property sets max_early_data (0-RTT is for the Sans-IO API only): the tickets' is the nearest
            case MAX_EARLY_DATA -> "session-tickets";
            case PSK_KE_WITHOUT_FORWARD_SECRECY -> "session-tickets.psk-ke-without-forward-secrecy";
            case EXTERNAL_PSKS -> "external-psks (set in code only: TLSConfiguration.Builder.externalPsks)";
        };
    }
}
