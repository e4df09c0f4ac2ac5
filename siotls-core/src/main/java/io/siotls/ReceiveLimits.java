package io.siotls;

import io.siotls.alerts.UnexpectedMessage;

/**
 * Bounds on what a peer may send without making progress, so that a flood of records that carry
 * nothing — empty application data, change_cipher_spec, user_canceled warnings — or of KeyUpdate
 * messages cannot keep the connection busy forever: past the bound, unexpected_message.
 */
final class ReceiveLimits {

    /** Consecutive records carrying no data that are tolerated (the bound OpenSSL applies too). */
    static final int MAX_EMPTY_RECORDS = 32;
    /** KeyUpdate messages tolerated between two application data records. */
    static final int MAX_KEY_UPDATES = 32;

    private int emptyRecords;
    private int keyUpdates;

    /** A record that carried nothing the application sees. */
    void emptyRecord(String what) {
        if (++emptyRecords > MAX_EMPTY_RECORDS) {
            throw new UnexpectedMessage("more than " + MAX_EMPTY_RECORDS + " consecutive records carrying nothing ("
                    + what + ")");
        }
    }

    /** A KeyUpdate message. */
    void keyUpdate() {
        if (++keyUpdates > MAX_KEY_UPDATES) {
            throw new UnexpectedMessage("more than " + MAX_KEY_UPDATES + " KeyUpdate messages without application data");
        }
        emptyRecords = 0;
    }

    /** A record that carried data: the peer made progress. */
    void progress() {
        emptyRecords = 0;
        keyUpdates = 0;
    }
}
