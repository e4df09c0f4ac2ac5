package io.siotls.integration.dataclients;

import io.siotls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** PKCS#12 files of the test PKI, for servers that take key stores (the Kafka broker). */
final class Pkcs12Stores {

    static final String PASSWORD = "changeit";

    private Pkcs12Stores() {
    }

    /** {@code leaf}'s key and certificate then {@code ca}, as the entry {@code alias}. */
    static Path keyStore(Path file, String alias, TestPki.Leaf leaf, X509Certificate ca)
            throws IOException, GeneralSecurityException {
        KeyStore store = empty();
        store.setKeyEntry(alias, leaf.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {leaf.certificate(), ca});
        return save(store, file);
    }

    /** {@code ca} as the one trusted entry. */
    static Path trustStore(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = empty();
        store.setCertificateEntry("ca", ca);
        return save(store, file);
    }

    private static KeyStore empty() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
