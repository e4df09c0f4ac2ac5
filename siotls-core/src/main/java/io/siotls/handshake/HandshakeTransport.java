package io.siotls.handshake;

import io.siotls.EarlyDataStatus;
import io.siotls.iana.CipherSuite;

/**
 * What a handshake needs from its connection: sending messages and switching the record
 * protection of each direction (RFC 8446 §7.3). Messages sent between two key changes are
 * coalesced into as few records as possible. The handshake zeroes the secrets it hands over
 * once it is done with them: an implementation copies what it keeps.
 */
public interface HandshakeTransport {

    /** Queues a whole handshake message (with its header) under the current write protection. */
    void sendHandshake(byte[] message);

    /** Sends the dummy change_cipher_spec record of middlebox compatibility mode (RFC 8446 §D.4). */
    void sendChangeCipherSpec();

    /** Protects what is sent from now on with keys derived from {@code trafficSecret}. */
    void switchWriteKeys(CipherSuite suite, byte[] trafficSecret);

    /**
     * Opens what is received from now on with keys derived from {@code trafficSecret}. Raises
     * unexpected_message when a handshake message was left half-read (RFC 8446 §5.1).
     */
    void switchReadKeys(CipherSuite suite, byte[] trafficSecret);

    /**
     * RFC 8446 §4.2.10: drops the client's rejected early data, up to {@code maxBytes} of it
     * (records that cannot be opened, or application_data before read keys); 0 stops dropping.
     */
    void skipRejectedEarlyData(int maxBytes);

    /**
     * Client-side: writes the 0-RTT data as application_data under the current write protection,
     * the client_early_traffic_secret (RFC 8446 §2.3), after the messages queued so far.
     */
    void sendEarlyData(byte[] data);

    /**
     * Client-side: the second ClientHello after a HelloRetryRequest goes unprotected, though early
     * data was sent under the early keys (RFC 8446 §4.1.4, §4.2.10).
     */
    void removeWriteProtection();

    /** Tells the connection what became of the 0-RTT data (RFC 8446 §4.2.10), once the handshake knows. */
    void earlyDataSettled(EarlyDataStatus status);

    /** Lowers the largest plaintext put in one record (RFC 8449, RFC 6066 §4). */
    void limitRecordPlaintext(int maxPlaintext);

    /** Refuses protected records whose TLSInnerPlaintext exceeds what this side announced (RFC 8449). */
    void limitReceivedRecords(int maxInnerPlaintext);

    /** Hands a secret to the key log, when key logging is on (NSS key log format labels). */
    void logSecret(String label, byte[] clientRandom, byte[] secret);
}
