package io.siotls.handshake;

import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.EndOfEarlyData;

/**
 * Server-side, after accepting 0-RTT data (RFC 8446 §2.3): the client's early data arrives under
 * the client_early_traffic_secret, for the application to read before the handshake completes,
 * until its EndOfEarlyData (§4.5), which switches the reading side to the client handshake traffic
 * secret; then the client's Finished. More early data than the ticket's max_early_data_size is
 * unexpected_message (§4.2.10), and so is any other handshake message before EndOfEarlyData.
 */
final class ExpectEndOfEarlyData extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final CipherSuite suite;
    private final byte[] clientHandshakeSecret;
    private final long maxEarlyData;
    private final ExpectClientFinished next;
    private long received;

    /**
     * @param clientHandshakeSecret the client handshake traffic secret, which {@code next} zeroes
     * @param maxEarlyData the ticket's max_early_data_size
     */
    ExpectEndOfEarlyData(Context context, TranscriptHash transcript, CipherSuite suite, byte[] clientHandshakeSecret,
            long maxEarlyData, ExpectClientFinished next) {
        super(HandshakeType.END_OF_EARLY_DATA);
        this.context = context;
        this.transcript = transcript;
        this.suite = suite;
        this.clientHandshakeSecret = clientHandshakeSecret;
        this.maxEarlyData = maxEarlyData;
        this.next = next;
    }

    /** Counts {@code length} bytes of early data; past max_early_data_size, unexpected_message (RFC 8446 §4.2.10). */
    void receiveEarlyData(int length) {
        received += length;
        if (received > maxEarlyData) {
            throw new UnexpectedMessage("the client sent " + received + " bytes of early data, more than the"
                    + " ticket's max_early_data_size of " + maxEarlyData + " (RFC 8446 §4.2.10)");
        }
    }

    @Override
    State on(byte[] message) {
        EndOfEarlyData.parse(body(message));
        transcript.update(message);
        context.transport().switchReadKeys(suite, clientHandshakeSecret);
        return next;
    }
}
