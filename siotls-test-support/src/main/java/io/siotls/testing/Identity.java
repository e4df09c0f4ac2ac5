package io.siotls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A test identity: a key pair, the certificate chain for it and the root that anchors it.
 *
 * @param keyPair the leaf's key pair
 * @param chain   the leaf first, then the intermediates, without the root
 * @param root    the self-signed root the chain leads to (the leaf itself when self-signed)
 */
public record Identity(KeyPair keyPair, List<X509Certificate> chain, X509Certificate root) {

    /** Copies the chain so the record stays immutable. */
    public Identity {
        chain = List.copyOf(chain);
    }

    /** The private key of the leaf certificate. */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** The public key of the leaf certificate (what a raw-public-key peer trusts, RFC 7250). */
    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The end-entity certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Writes {@code key.pem} (PKCS#8), {@code chain.pem} (leaf + intermediates) and {@code ca.pem} into {@code dir}. */
    public PemFiles writePem(Path dir) {
        PemFiles files = new PemFiles(dir.resolve("key.pem"), dir.resolve("chain.pem"), dir.resolve("ca.pem"));
        try {
            Files.createDirectories(dir);
            Files.writeString(files.key(), Pem.encode("PRIVATE KEY", Pkcs8.encode(keyPair)), StandardCharsets.US_ASCII);
            Files.writeString(files.chain(), Pem.certificates(chain), StandardCharsets.US_ASCII);
            Files.writeString(files.ca(), Pem.certificates(List.of(root)), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
