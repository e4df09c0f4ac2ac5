package io.siotls.connection;

import io.siotls.Limits;

import io.siotls.alerts.UnexpectedMessage;

/**
 * Bounds on what a peer may send without making progress ({@link Limits}), so that a flood of
 * records that carry nothing — empty application data, change_cipher_spec, user_canceled
 * warnings — or of KeyUpdate messages cannot keep the connection busy forever: past a bound,
 * unexpected_message.
 */
final class ReceiveLimits {

    private final Limits limits;
    private int emptyRecords;
    private int keyUpdates;
    private int warningAlerts;
    private int changeCipherSpecRecords;

    ReceiveLimits(Limits limits) {
        this.limits = limits;
    }

    /** A record that carried nothing the application sees. */
    void emptyRecord(String what) {
        if (++emptyRecords > limits.maxEmptyRecords()) {
            throw new UnexpectedMessage("more than " + limits.maxEmptyRecords() + " consecutive records carrying"
                    + " nothing (" + what + "), limits.max_empty_records");
        }
    }

    /** A user_canceled warning alert (RFC 8446 §6.1). */
    void warningAlert() {
        if (++warningAlerts > limits.maxWarningAlerts()) {
            throw new UnexpectedMessage("more than " + limits.maxWarningAlerts()
                    + " user_canceled alerts, limits.max_warning_alerts");
        }
        emptyRecord("user_canceled alerts");
    }

    /** A compatibility change_cipher_spec record (RFC 8446 §5, §D.4). */
    void changeCipherSpec() {
        if (++changeCipherSpecRecords > limits.maxChangeCipherSpecRecords()) {
            throw new UnexpectedMessage("more than " + limits.maxChangeCipherSpecRecords()
                    + " change_cipher_spec records, limits.max_change_cipher_spec_records");
        }
        emptyRecord("change_cipher_spec");
    }

    /** A KeyUpdate message. */
    void keyUpdate() {
        if (++keyUpdates > limits.maxKeyUpdates()) {
            throw new UnexpectedMessage("more than " + limits.maxKeyUpdates()
                    + " KeyUpdate messages without application data, limits.max_key_updates");
        }
        emptyRecords = 0;
    }

    /** A record that carried data: the peer made progress. */
    void progress() {
        emptyRecords = 0;
        keyUpdates = 0;
    }
}
