package io.siotls.connection;

import io.siotls.EarlyDataStatus;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.crypto.CryptoProvider;
import io.siotls.handshake.HandshakeTransport;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import io.siotls.keylog.KeyLog;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficKeys;
import io.siotls.record.HandshakeReassembler;
import io.siotls.record.RecordLimits;
import io.siotls.record.RecordReader;
import io.siotls.record.RecordWriter;
import java.io.ByteArrayOutputStream;

/**
 * The handshake's view of the record layer: handshake messages are queued and written as one
 * flight per key change, so that a flight fills as few records as possible; keys are derived
 * from traffic secrets (RFC 8446 §7.3).
 */
final class RecordChannel implements HandshakeTransport {

    private static final byte[] CHANGE_CIPHER_SPEC = {1};

    private final RecordWriter writer;
    private final RecordReader reader;
    private final HandshakeReassembler reassembler;
    private final KeyLog keyLog;
    private final CryptoProvider crypto;
    private ByteArrayOutputStream pendingHandshake = new ByteArrayOutputStream(0);
    private boolean firstFlight;
    private EarlyDataStatus earlyDataStatus = EarlyDataStatus.NOT_OFFERED;

    /**
     * @param keyLog where secrets are logged, or {@code null} when key logging is off
     * @param client whether this is the client side, whose first ClientHello record carries the
     *        legacy version 0x0301 (RFC 8446 §5.1)
     */
    RecordChannel(boolean client, RecordWriter writer, RecordReader reader, HandshakeReassembler reassembler,
            KeyLog keyLog, CryptoProvider crypto) {
        this.firstFlight = client;
        this.writer = writer;
        this.reader = reader;
        this.reassembler = reassembler;
        this.keyLog = keyLog;
        this.crypto = crypto;
    }

    @Override
    public void sendHandshake(byte[] message) {
        pendingHandshake.writeBytes(message);
    }

    @Override
    public void sendChangeCipherSpec() {
        flush();
        writer.write(ContentType.CHANGE_CIPHER_SPEC, CHANGE_CIPHER_SPEC);
    }

    @Override
    public void switchWriteKeys(CipherSuite suite, byte[] trafficSecret) {
        flush();
        TrafficKeys keys = new KeySchedule(crypto, suite).trafficKeys(trafficSecret);
        writer.setProtection(crypto.aead(suite, keys.key()), keys.iv());
    }

    @Override
    public void switchReadKeys(CipherSuite suite, byte[] trafficSecret) {
        if (!reassembler.isEmpty()) {
            throw new UnexpectedMessage("a handshake message spans a key change (RFC 8446 §5.1)");
        }
        TrafficKeys keys = new KeySchedule(crypto, suite).trafficKeys(trafficSecret);
        reader.setProtection(crypto.aead(suite, keys.key()), keys.iv());
    }

    @Override
    public void skipRejectedEarlyData(int maxBytes) {
        reader.skipRejectedEarlyData(maxBytes);
    }

    @Override
    public void sendEarlyData(byte[] data) {
        flush();
        if (data.length > 0) {
            writer.write(ContentType.APPLICATION_DATA, data);
        }
    }

    @Override
    public void removeWriteProtection() {
        flush();
        writer.removeProtection();
    }

    @Override
    public void earlyDataSettled(EarlyDataStatus status) {
        this.earlyDataStatus = status;
    }

    EarlyDataStatus earlyDataStatus() {
        return earlyDataStatus;
    }

    @Override
    public void limitRecordPlaintext(int maxPlaintext) {
        writer.setMaxFragmentLength(Math.min(writer.maxFragmentLength(), maxPlaintext));
    }

    @Override
    public void limitReceivedRecords(int maxInnerPlaintext) {
        reader.setMaxInnerPlaintextLength(maxInnerPlaintext);
    }

    @Override
    public void logSecret(String label, byte[] clientRandom, byte[] secret) {
        if (keyLog != null) {
            keyLog.log(label, clientRandom, secret);
        }
    }

    boolean readProtected() {
        return reader.isProtected();
    }

    /** Writes the queued handshake messages as records under the current write protection. */
    void flush() {
        if (pendingHandshake.size() == 0) {
            return;
        }
        byte[] flight = pendingHandshake.toByteArray();
        pendingHandshake = new ByteArrayOutputStream(0);
        if (firstFlight) {
            writer.setLegacyRecordVersion(RecordLimits.LEGACY_VERSION_TLS10);
            writer.write(ContentType.HANDSHAKE, flight);
            writer.setLegacyRecordVersion(RecordLimits.LEGACY_VERSION_TLS12);
            firstFlight = false;
        } else {
            writer.write(ContentType.HANDSHAKE, flight);
        }
    }

    /** Drops messages not written yet: a fatal alert replaces them. */
    void discardPendingHandshake() {
        pendingHandshake.reset();
    }
}
