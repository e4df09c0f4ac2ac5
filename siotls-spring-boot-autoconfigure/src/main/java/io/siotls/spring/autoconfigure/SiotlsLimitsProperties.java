package io.siotls.spring.autoconfigure;

import io.siotls.Limits;
import org.springframework.util.unit.DataSize;

/**
 * {@code siotls.server.limits.*} and {@code siotls.client.limits.*}: how much a peer may make a
 * connection hold or repeat before it ends with an alert ({@link Limits}); the defaults are
 * {@link Limits#DEFAULTS}.
 */
public class SiotlsLimitsProperties {

    /**
     * Largest handshake message body accepted from the peer; over it, illegal_parameter. A
     * ClientHello of any legal size is accepted whatever this says.
     */
    private DataSize maxHandshakeMessageLength = DataSize.ofBytes(Limits.DEFAULTS.maxHandshakeMessageLength());

    /** Most certificates the peer's chain may hold; over it, bad_certificate. */
    private int maxCertificateChainLength = Limits.DEFAULTS.maxCertificateChainLength();

    /**
     * Most received data held for an application that does not read it (the Sans-IO API; the
     * JSSE engine hands data straight to the caller's buffer); over it, internal_error.
     */
    private DataSize maxBufferedApplicationData = DataSize.ofBytes(Limits.DEFAULTS.maxBufferedApplicationData());

    /** Consecutive records carrying nothing (empty data, change_cipher_spec, warnings); over it, unexpected_message. */
    private int maxEmptyRecords = Limits.DEFAULTS.maxEmptyRecords();

    /** user_canceled warning alerts over a connection's life; over it, unexpected_message. */
    private int maxWarningAlerts = Limits.DEFAULTS.maxWarningAlerts();

    /** Compatibility change_cipher_spec records during the handshake; over it, unexpected_message. */
    private int maxChangeCipherSpecRecords = Limits.DEFAULTS.maxChangeCipherSpecRecords();

    /** KeyUpdate messages between two application data records; over it, unexpected_message. */
    private int maxKeyUpdates = Limits.DEFAULTS.maxKeyUpdates();

    public DataSize getMaxHandshakeMessageLength() {
        return maxHandshakeMessageLength;
    }

    public void setMaxHandshakeMessageLength(DataSize maxHandshakeMessageLength) {
        this.maxHandshakeMessageLength = maxHandshakeMessageLength;
    }

    public int getMaxCertificateChainLength() {
        return maxCertificateChainLength;
    }

    public void setMaxCertificateChainLength(int maxCertificateChainLength) {
        this.maxCertificateChainLength = maxCertificateChainLength;
    }

    public DataSize getMaxBufferedApplicationData() {
        return maxBufferedApplicationData;
    }

    public void setMaxBufferedApplicationData(DataSize maxBufferedApplicationData) {
        this.maxBufferedApplicationData = maxBufferedApplicationData;
    }

    public int getMaxEmptyRecords() {
        return maxEmptyRecords;
    }

    public void setMaxEmptyRecords(int maxEmptyRecords) {
        this.maxEmptyRecords = maxEmptyRecords;
    }

    public int getMaxWarningAlerts() {
        return maxWarningAlerts;
    }

    public void setMaxWarningAlerts(int maxWarningAlerts) {
        this.maxWarningAlerts = maxWarningAlerts;
    }

    public int getMaxChangeCipherSpecRecords() {
        return maxChangeCipherSpecRecords;
    }

    public void setMaxChangeCipherSpecRecords(int maxChangeCipherSpecRecords) {
        this.maxChangeCipherSpecRecords = maxChangeCipherSpecRecords;
    }

    public int getMaxKeyUpdates() {
        return maxKeyUpdates;
    }

    public void setMaxKeyUpdates(int maxKeyUpdates) {
        this.maxKeyUpdates = maxKeyUpdates;
    }
}
