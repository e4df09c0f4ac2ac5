package io.siotls.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java key store file written for a test: private key entries and trusted certificate entries,
 * as PKCS#12 or JKS, the way {@code keytool} writes them.
 * <pre>{@code
 * Path p12 = KeyStoreFile.pkcs12().key("server", leaf, pki.root(), "secret").write(dir.resolve("server.p12"), "secret");
 * Path jks = KeyStoreFile.jks().trusted("ca", pki.root()).write(dir.resolve("trust.jks"), "changeit");
 * }</pre>
 */
public final class KeyStoreFile {

    private final String type;
    private final List<Entry> entries = new ArrayList<>();

    private KeyStoreFile(String type) {
        this.type = type;
    }

    /** A PKCS#12 file (RFC 7292). */
    public static KeyStoreFile pkcs12() {
        return new KeyStoreFile("PKCS12");
    }

    /** A JKS file. */
    public static KeyStoreFile jks() {
        return new KeyStoreFile("JKS");
    }

    /** A private key entry {@code alias}: {@code leaf}'s key, its certificate then {@code root}, under {@code keyPassword}. */
    public KeyStoreFile key(String alias, TestPki.Leaf leaf, X509Certificate root, String keyPassword) {
        return key(alias, leaf.keys().getPrivate(), List.of(leaf.certificate(), root), keyPassword);
    }

    /** A private key entry {@code alias}: {@code key} and {@code chain} (end-entity first), under {@code keyPassword}. */
    public KeyStoreFile key(String alias, PrivateKey key, List<X509Certificate> chain, String keyPassword) {
        entries.add(new Entry(alias, key, List.copyOf(chain), keyPassword));
        return this;
    }

    /** A trusted certificate entry {@code alias}. */
    public KeyStoreFile trusted(String alias, X509Certificate certificate) {
        entries.add(new Entry(alias, null, List.of(certificate), null));
        return this;
    }

    /** Writes the entries to {@code file}, protected by {@code storePassword}; returns {@code file}. */
    public Path write(Path file, String storePassword) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (Entry entry : entries) {
                if (entry.key() == null) {
                    store.setCertificateEntry(entry.alias(), entry.chain().get(0));
                } else {
                    store.setKeyEntry(entry.alias(), entry.key(), entry.keyPassword().toCharArray(),
                            entry.chain().toArray(new X509Certificate[0]));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, storePassword.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String alias, PrivateKey key, List<X509Certificate> chain, String keyPassword) {
    }
}
