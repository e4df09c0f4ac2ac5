package io.siotls.handshake;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.DecryptError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateVerify;
import io.siotls.messages.Finished;
import io.siotls.messages.HandshakeMessage;
import io.siotls.messages.KeyUpdate;
import io.siotls.messages.NewSessionTicket;
import io.siotls.trust.Purpose;
import io.siotls.wire.TLSReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * What the client and server handshakes share: the transcript, the key schedule, sending
 * messages, CertificateVerify and Finished (RFC 8446 §4.4), and the post-handshake messages
 * (RFC 8446 §4.6).
 */
public abstract class Handshake {

    private static final byte[] SIGNATURE_PADDING = " ".repeat(64).getBytes(StandardCharsets.US_ASCII);

    protected final TLSConfiguration config;
    protected final ConnectionPolicy policy;
    protected final CryptoProvider crypto;
    protected final Entropy entropy;
    protected final HandshakeTransport transport;
    protected final TranscriptHash transcript = new TranscriptHash();

    protected KeySchedule keySchedule;
    protected CipherSuite cipherSuite;
    protected NamedGroup keyExchange;
    protected SignatureScheme signatureAlgorithm;
    protected SignatureScheme peerSignatureAlgorithm;
    protected String alpn;
    protected String serverName;
    protected List<X509Certificate> peerCertificateChain = List.of();
    protected PublicKey peerPublicKey;
    protected int maxFragmentLength = 1 << 14;
    protected CertificateType clientCertificateType = CertificateType.X509;
    protected CertificateType serverCertificateType = CertificateType.X509;
    protected boolean peerWantOcspStapling;
    protected byte[] peerOcspResponse;
    protected boolean canSendHeartbeat;
    protected byte[] clientRandom;

    private byte[] readApplicationSecret;
    private byte[] writeApplicationSecret;
    private boolean complete;
    private TLSNegotiatedConfiguration negotiated;

    protected Handshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport) {
        this.config = policy.config();
        this.policy = policy;
        this.crypto = config.crypto();
        this.entropy = entropy;
        this.transport = transport;
    }

    /** Starts the handshake: the client sends its ClientHello, the server waits for it. */
    public abstract void start();

    /** Processes one complete handshake message received during the handshake. */
    protected abstract void handleHandshakeMessage(int type, byte[] message);

    /** Whether a change_cipher_spec record is tolerated now (RFC 8446 §5). */
    public abstract boolean acceptsChangeCipherSpec();

    /** Processes one complete handshake message, during or after the handshake. */
    public final void receive(int type, byte[] message) {
        if (complete) {
            handlePostHandshakeMessage(type, message);
        } else {
            handleHandshakeMessage(type, message);
        }
    }

    public final boolean isComplete() {
        return complete;
    }

    /** What was negotiated, once the handshake completed; {@code null} before. */
    public final TLSNegotiatedConfiguration negotiated() {
        return negotiated;
    }

    /** Whether this side is the client. */
    protected abstract boolean isClient();


    /** Marks the handshake complete once both application traffic secrets are in use. */
    protected final void complete(byte[] readSecret, byte[] writeSecret) {
        this.readApplicationSecret = readSecret;
        this.writeApplicationSecret = writeSecret;
        this.complete = true;
        this.negotiated = new TLSNegotiatedConfiguration(cipherSuite, keyExchange, signatureAlgorithm,
                peerSignatureAlgorithm, alpn, serverName, peerCertificateChain, peerPublicKey,
                clientCertificateType, serverCertificateType, peerWantOcspStapling, peerOcspResponse,
                canSendHeartbeat, false, maxFragmentLength);
        keySchedule.forgetHandshakeSecrets();
        transcript.release();
        clientRandom = null;
        releaseHandshakeState();
    }

    /**
     * Drops what only the handshake needed (hellos, key shares, handshake traffic secrets), so
     * that an established connection keeps no more than its traffic secrets.
     */
    protected abstract void releaseHandshakeState();

    /** Adds {@code message} to the transcript and queues it for sending. */
    protected final void send(HandshakeMessage message) {
        byte[] bytes = message.toBytes();
        transcript.update(bytes);
        transport.sendHandshake(bytes);
    }

    /** A reader over the body of a received message, after its 4-byte header. */
    protected static TLSReader body(byte[] message) {
        return new TLSReader(message, 4, message.length - 4);
    }

    protected static UnexpectedMessage unexpected(int type, String state) {
        HandshakeType known = HandshakeType.fromCode(type);
        return new UnexpectedMessage("received " + (known == null ? "handshake type " + type : known.ianaName())
                + " while " + state);
    }

    /** The content a CertificateVerify signs, RFC 8446 §4.4.3. */
    protected static byte[] certificateVerifyContent(boolean fromServer, byte[] transcriptHash) {
        byte[] context = (fromServer ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[64 + context.length + 1 + transcriptHash.length];
        System.arraycopy(SIGNATURE_PADDING, 0, content, 0, 64);
        System.arraycopy(context, 0, content, 64, context.length);
        System.arraycopy(transcriptHash, 0, content, 64 + context.length + 1, transcriptHash.length);
        return content;
    }

    /** The heartbeat extension this side sends: it understands RFC 6520 but accepts no requests. */
    protected static HeartbeatExtension ownHeartbeatMode() {
        return new HeartbeatExtension(
                HeartbeatExtension.PEER_NOT_ALLOWED_TO_SEND);
    }

    /** Notes whether the peer's heartbeat extension lets this side send requests (RFC 6520 §2). */
    protected final void notePeerHeartbeat(HeartbeatExtension peerMode) {
        canSendHeartbeat = peerMode != null
                && peerMode.mode() == HeartbeatExtension.PEER_ALLOWED_TO_SEND;
    }

    /** The record_size_limit this side announces: its max_fragment_length plus the content type (RFC 8449 §4). */
    protected final int ownRecordSizeLimit() {
        return config.maxFragmentLength().octets() + 1;
    }

    /** Applies the peer's record_size_limit to what this side sends, and this side's to what it receives. */
    protected final void applyRecordSizeLimits(int peerLimit) {
        maxFragmentLength = RecordSizeLimit.plaintextFor(peerLimit);
        transport.limitRecordPlaintext(maxFragmentLength);
        transport.limitReceivedRecords(ownRecordSizeLimit());
    }

    /** Applies a negotiated max_fragment_length to both directions (RFC 6066 §4). */
    protected final void applyMaxFragmentLength(io.siotls.iana.MaxFragmentLength length) {
        maxFragmentLength = length.octets();
        transport.limitRecordPlaintext(length.octets());
        transport.limitReceivedRecords(length.octets() + 1);
    }

    /** The peer's Certificate message authenticated as this side's configuration says. */
    protected final void acceptPeerCredential(CertificateMessage certificate, CertificateType type, Purpose purpose,
            String hostname, Clock clock) {
        PeerCredential credential = PeerCredential.authenticate(policy, certificate, type, purpose,
                hostname, clock);
        peerCertificateChain = credential.chain();
        peerPublicKey = credential.publicKey();
    }

    /** The Certificate message holding this side's raw public key, RFC 7250 §3. */
    protected final CertificateMessage rawPublicKeyCertificate(byte[] requestContext) {
        return new CertificateMessage(requestContext, List.of(new CertificateEntry(config.publicKey().getEncoded(),
                ExtensionBlock.empty())));
    }

    /** Signs the transcript so far and sends the CertificateVerify, RFC 8446 §4.4.3. */
    protected final void sendCertificateVerify(SignatureScheme scheme, PrivateKey key) {
        byte[] content = certificateVerifyContent(!isClient(), transcript.current());
        byte[] signature = crypto.sign(scheme, key, content, entropy.signingRandom());
        signatureAlgorithm = scheme;
        send(new CertificateVerify(scheme.code(), signature));
    }

    /**
     * Checks the peer's CertificateVerify against the transcript so far, RFC 8446 §4.4.3: the
     * scheme must be one this side offered and fit the peer's key, the signature must verify.
     */
    protected final void verifyCertificateVerify(byte[] message) {
        CertificateVerify verify = CertificateVerify.parse(body(message));
        SignatureScheme scheme = SignatureScheme.fromCode(verify.algorithm());
        if (scheme == null || !policy.signatureAlgorithms().contains(scheme)) {
            throw new IllegalParameter("the peer signed with " + (scheme == null ? verify.algorithm() : scheme.ianaName())
                    + ", which was not offered in signature_algorithms");
        }
        if (!crypto.keyFits(scheme, peerPublicKey)) {
            throw new IllegalParameter("the peer signed with " + scheme.ianaName() + ", which does not fit its "
                    + peerPublicKey.getAlgorithm() + " key");
        }
        byte[] content = certificateVerifyContent(isClient(), transcript.current());
        if (!crypto.verify(scheme, peerPublicKey, content, verify.signature())) {
            throw new DecryptError("the peer's CertificateVerify signature (" + scheme.ianaName() + ") is invalid");
        }
        peerSignatureAlgorithm = scheme;
        transcript.update(message);
    }

    /** Sends Finished keyed by {@code baseSecret}, RFC 8446 §4.4.4. */
    protected final void sendFinished(byte[] baseSecret) {
        send(new Finished(keySchedule.finishedVerifyData(baseSecret, transcript.current())));
    }

    /** Checks the peer's Finished keyed by {@code baseSecret} in constant time, RFC 8446 §4.4.4. */
    protected final void verifyFinished(byte[] message, byte[] baseSecret) {
        Finished finished = Finished.parse(body(message), cipherSuite.hashLength());
        if (!keySchedule.verifyFinished(baseSecret, transcript.current(), finished.verifyData())) {
            throw new DecryptError("the peer's Finished verify_data is wrong");
        }
        transcript.update(message);
    }

    /**
     * Handles NewSessionTicket and KeyUpdate after the handshake (RFC 8446 §4.6); anything else
     * is unexpected.
     */
    private void handlePostHandshakeMessage(int type, byte[] message) {
        if (type == HandshakeType.KEY_UPDATE.code()) {
            KeyUpdate update = KeyUpdate.parse(body(message));
            readApplicationSecret = keySchedule.nextApplicationTrafficSecret(readApplicationSecret);
            transport.switchReadKeys(cipherSuite, readApplicationSecret);
            if (update.updateRequested()) {
                updateWriteKeys(false);
            }
        } else if (type == HandshakeType.NEW_SESSION_TICKET.code() && isClient()) {
            NewSessionTicket.parse(body(message));
        } else {
            throw unexpected(type, "connected");
        }
    }

    /** Sends a KeyUpdate and moves the sending direction to the next secret, RFC 8446 §4.6.3. */
    public final void updateWriteKeys(boolean requestPeerUpdate) {
        if (!complete) {
            throw new IllegalStateException("KeyUpdate is only possible once the handshake completed");
        }
        transport.sendHandshake(new KeyUpdate(requestPeerUpdate).toBytes());
        writeApplicationSecret = keySchedule.nextApplicationTrafficSecret(writeApplicationSecret);
        transport.switchWriteKeys(cipherSuite, writeApplicationSecret);
    }
}
