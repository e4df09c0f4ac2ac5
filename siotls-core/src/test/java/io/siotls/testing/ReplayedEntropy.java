package io.siotls.testing;

import io.siotls.crypto.KeyExchange;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.crypto.ServerKeyShare;
import io.siotls.handshake.Entropy;
import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * Entropy that replays a published trace (RFC 8448): the hello random, the legacy session id,
 * one ephemeral private key per group, the HelloRetryRequest cookie and the bytes signatures
 * draw (a PSS salt). Asking for anything the trace does not give fails the test.
 */
public final class ReplayedEntropy extends Entropy {

    private final byte[] helloRandom;
    private final Map<NamedGroup, byte[]> ephemeralPrivateKeys = new EnumMap<>(NamedGroup.class);
    private byte[] legacySessionId = new byte[0];
    private byte[] helloRetryCookie;
    private SecureRandom signingRandom;

    public ReplayedEntropy(byte[] helloRandom) {
        super(new SecureRandom());
        this.helloRandom = helloRandom.clone();
    }

    /** The legacy_session_id a client sends (empty unless set). */
    public ReplayedEntropy legacySessionId(byte[] sessionId) {
        this.legacySessionId = sessionId.clone();
        return this;
    }

    /** The private key of the ephemeral key pair for {@code group}. */
    public ReplayedEntropy ephemeralKey(NamedGroup group, byte[] privateKey) {
        ephemeralPrivateKeys.put(group, privateKey.clone());
        return this;
    }

    /** The cookie a server puts in its HelloRetryRequest. */
    public ReplayedEntropy helloRetryCookie(byte[] cookie) {
        this.helloRetryCookie = cookie.clone();
        return this;
    }

    /** The exact bytes the one signature of the handshake draws (the trace's PSS salt). */
    public ReplayedEntropy signingBytes(byte[] bytes) {
        this.signingRandom = new FixedBytes(bytes);
        return this;
    }

    /** Fresh randomness for a signature whose output the test does not compare. */
    public ReplayedEntropy freshSigningRandomness() {
        this.signingRandom = new SecureRandom();
        return this;
    }

    @Override
    public byte[] helloRandom() {
        return helloRandom.clone();
    }

    @Override
    public byte[] legacySessionId() {
        return legacySessionId.clone();
    }

    @Override
    public byte[] helloRetryCookie() {
        if (helloRetryCookie == null) {
            throw new AssertionError("the trace sends no HelloRetryRequest cookie");
        }
        return helloRetryCookie.clone();
    }

    @Override
    public KeyExchangeKeyPair ephemeralKeyPair(KeyExchange exchange) {
        byte[] privateKey = ephemeralPrivateKeys.get(exchange.group());
        if (privateKey == null) {
            throw new AssertionError("the trace has no ephemeral key for " + exchange.group());
        }
        return exchange.fromPrivateKey(privateKey);
    }

    /** The server's share from the trace's ephemeral key, as for (EC)DHE. */
    @Override
    public ServerKeyShare serverKeyShare(KeyExchange exchange, byte[] clientShare) {
        KeyExchangeKeyPair own = ephemeralKeyPair(exchange);
        return new ServerKeyShare(own.publicShare(), own.sharedSecret(clientShare));
    }

    @Override
    public SecureRandom signingRandom() {
        if (signingRandom == null) {
            throw new AssertionError("the trace makes no signature on this side");
        }
        return signingRandom;
    }

    /** A SecureRandom that hands out given bytes once, in one request of exactly their length. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;
        private boolean used;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (used || out.length != bytes.length) {
                throw new AssertionError("the signer asked for " + out.length + " random bytes"
                        + (used ? " again" : "") + "; the trace gives " + bytes.length + " once");
            }
            used = true;
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
