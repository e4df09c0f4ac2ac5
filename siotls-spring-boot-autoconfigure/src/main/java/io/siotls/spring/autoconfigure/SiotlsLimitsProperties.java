package io.siotls.spring.autoconfigure;

import io.siotls.Limits;
import org.springframework.util.unit.DataSize;

/**
 * {@code siotls.server.limits.*} and {@code siotls.client.limits.*}: how much a peer may make a
 * connection hold or repeat before it ends with an alert ({@link Limits}); the defaults are
 * {@link Limits#DEFAULTS}. They are written as literals, not read from {@link Limits#DEFAULTS},
 * because the configuration processor takes a property's default only from a literal (or
 * {@code DataSize.ofKilobytes(64)}-like) initialiser, and IDEs and the reference show the
 * defaults from its metadata; a test checks that both agree.
 */
public class SiotlsLimitsProperties {

    /**
     * Largest handshake message body accepted from the peer; over it, illegal_parameter. A
     * ClientHello of any legal size is accepted whatever this says.
     */
    private DataSize maxHandshakeMessageLength = DataSize.ofKilobytes(64);

    /** Most certificates the peer's chain may hold; over it, bad_certificate. */
    private int maxCertificateChainLength = 10;

    /**
     * Most received data held for an application that does not read it (the Sans-IO API; the
     * JSSE engine hands data straight to the caller's buffer); over it, internal_error.
     */
    private DataSize maxBufferedApplicationData = DataSize.ofMegabytes(1);

    /** Consecutive records carrying nothing (empty data, change_cipher_spec, warnings); over it, unexpected_message. */
    private int maxEmptyRecords = 32;

    /** user_canceled warning alerts over a connection's life; over it, unexpected_message. */
    private int maxWarningAlerts = 4;

    /** Compatibility change_cipher_spec records during the handshake; over it, unexpected_message. */
    private int maxChangeCipherSpecRecords = 1;

    /** KeyUpdate messages between two application data records; over it, unexpected_message. */
    private int maxKeyUpdates = 32;

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
