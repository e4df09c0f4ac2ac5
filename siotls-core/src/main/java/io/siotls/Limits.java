package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.time.Duration;

/**
 * How much a peer may make a connection hold or repeat before the connection ends with an alert:
 * the defences of a TLS endpoint against memory and CPU exhaustion. Every bound has a default
 * ({@link #DEFAULTS}); a {@link TLSConfiguration} takes another set with
 * {@link TLSConfiguration.Builder#limits}. Immutable; {@code withX} methods return a copy.
 *
 * @param maxHandshakeMessageLength the largest handshake message body accepted, in bytes
 *        (65,536 by default; RFC 8446 §4 allows 2^24 - 1): over it, {@code illegal_parameter}.
 *        A ClientHello of any legal size (up to 131,396 bytes) is accepted whatever this says,
 *        and a body longer than its message's format allows is a {@code decode_error}
 * @param maxCertificateChainLength the most certificates a peer's Certificate message may hold
 *        (10, as SunJSSE's {@code jdk.tls.maxCertificateChainLength}): over it, {@code bad_certificate}
 * @param maxBufferedApplicationData the most decrypted bytes held for an application that does
 *        not read them ({@link io.siotls.connection.TLSConnection#dataToRead}), 1 MiB by default: over it,
 *        {@code internal_error} (RFC 8446 §6.2: this side cannot go on)
 * @param maxEmptyRecords consecutive records that carry nothing the application sees (32, the
 *        bound OpenSSL applies too): over it, {@code unexpected_message}
 * @param maxWarningAlerts {@code user_canceled} alerts, the only warning TLS 1.3 has besides
 *        close_notify (RFC 8446 §6.1), over the connection's life (4): over it, {@code unexpected_message}
 * @param maxChangeCipherSpecRecords compatibility change_cipher_spec records during the handshake
 *        (1: a peer sends at most one, RFC 8446 §D.4): over it, {@code unexpected_message}
 * @param maxKeyUpdates KeyUpdate messages between two application data records (32): over it,
 *        {@code unexpected_message}
 * @param maxHandshakeDuration how long a handshake may take from its start (10 seconds, as Netty's
 *        default), checked whenever the peer's bytes arrive, so that a peer trickling its flight
 *        byte by byte is shed: over it, the handshake is abandoned with {@code user_canceled} then
 *        {@code close_notify} (RFC 8446 §6.1). A peer that sends nothing is for the transport's
 *        read timeout to drop; the JSSE socket bounds its reads by what is left of this duration.
 */
public record Limits(int maxHandshakeMessageLength, int maxCertificateChainLength, int maxBufferedApplicationData,
        int maxEmptyRecords, int maxWarningAlerts, int maxChangeCipherSpecRecords, int maxKeyUpdates,
        Duration maxHandshakeDuration) {

    /** The defaults: what a connection gets unless told otherwise. */
    public static final Limits DEFAULTS = new Limits(65_536, 10, 1 << 20, 32, 4, 1, 32, Duration.ofSeconds(10));

    /** Checks every bound; a wrong one fails naming it. */
    public Limits {
        within(maxHandshakeMessageLength, 1024, 0xffffff, ConfigurationOption.LIMITS_MAX_HANDSHAKE_MESSAGE_LENGTH);
        within(maxCertificateChainLength, 1, 1000, ConfigurationOption.LIMITS_MAX_CERTIFICATE_CHAIN_LENGTH);
        within(maxBufferedApplicationData, 1 << 14, Integer.MAX_VALUE,
                ConfigurationOption.LIMITS_MAX_BUFFERED_APPLICATION_DATA);
        within(maxEmptyRecords, 0, 1_000_000, ConfigurationOption.LIMITS_MAX_EMPTY_RECORDS);
        within(maxWarningAlerts, 0, 1_000_000, ConfigurationOption.LIMITS_MAX_WARNING_ALERTS);
        within(maxChangeCipherSpecRecords, 0, 1_000_000, ConfigurationOption.LIMITS_MAX_CHANGE_CIPHER_SPEC_RECORDS);
        within(maxKeyUpdates, 0, 1_000_000, ConfigurationOption.LIMITS_MAX_KEY_UPDATES);
        if (maxHandshakeDuration == null || maxHandshakeDuration.isNegative() || maxHandshakeDuration.isZero()) {
            throw new TLSConfigurationException(ConfigurationOption.LIMITS_MAX_HANDSHAKE_DURATION,
                    ConfigurationProblem.OUT_OF_RANGE,
                    "limits.max_handshake_duration must be a positive duration, got " + maxHandshakeDuration);
        }
    }

    private static void within(int value, int min, int max, ConfigurationOption option) {
        if (value < min || value > max) {
            throw new TLSConfigurationException(option, ConfigurationProblem.OUT_OF_RANGE,
                    option + " must be within [" + min + ", " + max + "], got " + value);
        }
    }

    public Limits withMaxHandshakeMessageLength(int value) {
        return new Limits(value, maxCertificateChainLength, maxBufferedApplicationData, maxEmptyRecords,
                maxWarningAlerts, maxChangeCipherSpecRecords, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxCertificateChainLength(int value) {
        return new Limits(maxHandshakeMessageLength, value, maxBufferedApplicationData, maxEmptyRecords,
                maxWarningAlerts, maxChangeCipherSpecRecords, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxBufferedApplicationData(int value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, value, maxEmptyRecords,
                maxWarningAlerts, maxChangeCipherSpecRecords, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxEmptyRecords(int value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, maxBufferedApplicationData, value,
                maxWarningAlerts, maxChangeCipherSpecRecords, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxWarningAlerts(int value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, maxBufferedApplicationData,
                maxEmptyRecords, value, maxChangeCipherSpecRecords, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxChangeCipherSpecRecords(int value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, maxBufferedApplicationData,
                maxEmptyRecords, maxWarningAlerts, value, maxKeyUpdates, maxHandshakeDuration);
    }

    public Limits withMaxKeyUpdates(int value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, maxBufferedApplicationData,
                maxEmptyRecords, maxWarningAlerts, maxChangeCipherSpecRecords, value, maxHandshakeDuration);
    }

    public Limits withMaxHandshakeDuration(Duration value) {
        return new Limits(maxHandshakeMessageLength, maxCertificateChainLength, maxBufferedApplicationData,
                maxEmptyRecords, maxWarningAlerts, maxChangeCipherSpecRecords, maxKeyUpdates, value);
    }

    @Override
    public String toString() {
        return "Limits[handshakeMessage=" + maxHandshakeMessageLength + ", certificateChain="
                + maxCertificateChainLength + ", bufferedApplicationData=" + maxBufferedApplicationData
                + ", emptyRecords=" + maxEmptyRecords + ", warningAlerts=" + maxWarningAlerts
                + ", changeCipherSpec=" + maxChangeCipherSpecRecords + ", keyUpdates=" + maxKeyUpdates
                + ", handshakeDuration=" + maxHandshakeDuration + "]";
    }
}
