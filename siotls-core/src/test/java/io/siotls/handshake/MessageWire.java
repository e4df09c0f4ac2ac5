package io.siotls.handshake;

import io.siotls.EarlyDataStatus;
import io.siotls.iana.CipherSuite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A handshake's transport at the message level: it queues the messages sent, keeps every one in
 * order, and copies the traffic secrets it is handed (the handshake zeroes its own).
 */
final class MessageWire implements HandshakeTransport {

    final ArrayDeque<byte[]> sent = new ArrayDeque<>();
    final List<byte[]> history = new ArrayList<>();
    final List<byte[]> read = new ArrayList<>();
    final List<byte[]> write = new ArrayList<>();

    /** Hands every queued message to {@code peer}. */
    void deliverTo(Handshake peer) {
        while (!sent.isEmpty()) {
            byte[] message = sent.poll();
            peer.receive(message[0] & 0xff, message);
        }
    }

    /** The messages sent of handshake type {@code type}, in order. */
    List<byte[]> sentOfType(int type) {
        return history.stream().filter(message -> (message[0] & 0xff) == type).toList();
    }

    /** Drops the queued messages and the history. */
    void clear() {
        sent.clear();
        history.clear();
    }

    @Override
    public void sendHandshake(byte[] message) {
        sent.add(message);
        history.add(message);
    }

    @Override
    public void sendChangeCipherSpec() {
    }

    @Override
    public void switchWriteKeys(CipherSuite suite, byte[] trafficSecret) {
        write.add(trafficSecret.clone());
    }

    @Override
    public void switchReadKeys(CipherSuite suite, byte[] trafficSecret) {
        read.add(trafficSecret.clone());
    }

    @Override
    public void skipRejectedEarlyData(int maxBytes) {
    }

    @Override
    public void sendEarlyData(byte[] data) {
        throw new UnsupportedOperationException("message-level tests send no early data");
    }

    @Override
    public void removeWriteProtection() {
    }

    @Override
    public void earlyDataSettled(EarlyDataStatus status) {
    }

    @Override
    public void limitRecordPlaintext(int maxPlaintext) {
    }

    @Override
    public void limitReceivedRecords(int maxInnerPlaintext) {
    }

    @Override
    public void logSecret(String label, byte[] clientRandom, byte[] secret) {
    }
}
