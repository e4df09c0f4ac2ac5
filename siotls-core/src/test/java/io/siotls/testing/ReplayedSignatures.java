package io.siotls.testing;

import io.siotls.crypto.Aead;
import io.siotls.crypto.CryptoProvider;
import io.siotls.crypto.Hmac;
import io.siotls.crypto.KeyExchange;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The default crypto backend, except that it signs for a key RFC 8448 does not publish (the
 * §6 client's RSA key) by replaying the trace's signatures: {@link #privateKey()} stands for
 * the private half of {@code publicKey}, and signing a message with it returns the published
 * signature that verifies over that very message under {@code publicKey}. A handshake
 * signature is therefore only ever one the RFC published, and only when the engine asked to
 * sign exactly the content the RFC's peer signed.
 *
 * <p>Building a configuration proves the key matches its certificate by signing a probe and
 * verifying it with the same backend; no published signature covers the probe, so for any
 * other message this backend issues a token that only its own {@link #verify} accepts, for that
 * message and {@code publicKey}. Tokens never verify anywhere else and {@link #replayed()}
 * counts the published signatures handed out, so a token on the wire fails the test.
 */
public final class ReplayedSignatures implements CryptoProvider {

    private final CryptoProvider real = CryptoProvider.getDefault();
    private final PublicKey publicKey;
    private final List<byte[]> published;
    private final PrivateKey privateKey;
    private final List<byte[]> tokens = new ArrayList<>();
    private int replayed;

    public ReplayedSignatures(PublicKey publicKey, byte[]... publishedSignatures) {
        this.publicKey = publicKey;
        this.published = List.of(publishedSignatures);
        this.privateKey = new UnpublishedKey(publicKey.getAlgorithm());
    }

    /** The stand-in for the unpublished private key of {@code publicKey}. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** How many published signatures {@link #sign} has handed out. */
    public int replayed() {
        return replayed;
    }

    @Override
    public boolean supports(CipherSuite suite) {
        return real.supports(suite);
    }

    @Override
    public boolean supports(NamedGroup group) {
        return real.supports(group);
    }

    @Override
    public boolean supports(SignatureScheme scheme) {
        return real.supports(scheme);
    }

    @Override
    public Aead aead(CipherSuite suite, byte[] key) {
        return real.aead(suite, key);
    }

    @Override
    public KeyExchange keyExchange(NamedGroup group) {
        return real.keyExchange(group);
    }

    @Override
    public Hmac hmac(String hashAlgorithm) {
        return real.hmac(hashAlgorithm);
    }

    @Override
    public MessageDigest messageDigest(String hashAlgorithm) {
        return real.messageDigest(hashAlgorithm);
    }

    @Override
    public boolean keyFits(SignatureScheme scheme, Key key) {
        return real.keyFits(scheme, key == privateKey ? publicKey : key);
    }

    @Override
    public byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, SecureRandom random) {
        if (key != privateKey) {
            return real.sign(scheme, key, message, random);
        }
        for (byte[] signature : published) {
            if (real.verify(scheme, publicKey, message, signature)) {
                replayed++;
                return signature.clone();
            }
        }
        byte[] token = token(scheme, message);
        tokens.add(token);
        return token.clone();
    }

    @Override
    public boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature) {
        if (key.equals(publicKey) && tokens.stream().anyMatch(token -> MessageDigest.isEqual(token, signature))) {
            return MessageDigest.isEqual(token(scheme, message), signature);
        }
        return real.verify(scheme, key, message, signature);
    }

    private byte[] token(SignatureScheme scheme, byte[] message) {
        MessageDigest digest = real.messageDigest("SHA-256");
        digest.update(("unpublished " + scheme.ianaName() + " signature of ").getBytes(StandardCharsets.US_ASCII));
        return digest.digest(message);
    }

    /** A private key object with no key material: it only names the public key it stands for. */
    private static final class UnpublishedKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final String algorithm;

        UnpublishedKey(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
