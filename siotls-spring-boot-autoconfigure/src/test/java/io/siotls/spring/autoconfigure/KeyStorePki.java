package io.siotls.spring.autoconfigure;

import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.nio.file.Path;

/**
 * A {@link TestPki} whose leaves are also written as key stores: a CA, a server for localhost, a
 * second server for api.localhost (SNI) and a client, each as {@code name.p12} and
 * {@code name.jks} (alias {@code name}, password {@value #PASSWORD}), and the CA as the trust
 * stores {@code trust.p12} and {@code trust.jks} (alias {@code ca}, password {@value #TRUST_PASSWORD}).
 */
public final class KeyStorePki {

    /** The password of each key store of a leaf, and of its key entry. */
    public static final String PASSWORD = "key-secret";

    /** The password of the trust stores. */
    public static final String TRUST_PASSWORD = "trust-secret";

    private final Path dir;
    private final TestPki pki;
    private final TestPki.Leaf server;
    private final TestPki.Leaf api;
    private final TestPki.Leaf client;

    /** Writes the PEM files and key stores into {@code dir}. */
    public KeyStorePki(Path dir) {
        this.dir = dir;
        this.pki = new TestPki(dir);
        pki.caFile();
        server = pki.leaf("server", "localhost");
        api = pki.leaf("api", "api.localhost");
        client = pki.leaf("client", "client.example");
        for (String name : new String[] {"server", "api", "client"}) {
            TestPki.Leaf leaf = leaf(name);
            KeyStoreFile.pkcs12().key(name, leaf, pki.root(), PASSWORD).write(dir.resolve(name + ".p12"), PASSWORD);
            KeyStoreFile.jks().key(name, leaf, pki.root(), PASSWORD).write(dir.resolve(name + ".jks"), PASSWORD);
        }
        KeyStoreFile.pkcs12().trusted("ca", pki.root()).write(dir.resolve("trust.p12"), TRUST_PASSWORD);
        KeyStoreFile.jks().trusted("ca", pki.root()).write(dir.resolve("trust.jks"), TRUST_PASSWORD);
    }

    /** The PKI the leaves come from. */
    public TestPki pki() {
        return pki;
    }

    /** The leaf {@code server}, {@code api} or {@code client}. */
    public TestPki.Leaf leaf(String name) {
        return switch (name) {
            case "server" -> server;
            case "api" -> api;
            case "client" -> client;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The file {@code name} of the directory. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The {@code file:} location of the file {@code name}. */
    public String location(String name) {
        return TestPki.location(file(name));
    }

    /** How failures name the file {@code name} given by its {@link #location}. */
    public String described(String name) {
        return "URL [file:" + file(name) + "]";
    }

    /**
     * The properties under {@code prefix} taking the key from the key store {@code store} (e.g.
     * {@code server.p12}) and trusting the CA from the trust store of the same type.
     */
    public String[] keyAndTrustStores(String prefix, String store) {
        String trust = store.endsWith(".jks") ? "trust.jks" : "trust.p12";
        return new String[] {prefix + ".key-store=" + location(store), prefix + ".key-store-password=" + PASSWORD,
                prefix + ".truststore=" + location(trust), prefix + ".truststore-password=" + TRUST_PASSWORD};
    }

    /** The same material under {@code prefix} as PEM files: {@code name}'s chain and key, and the CA. */
    public String[] pemFiles(String prefix, String name) {
        TestPki.Leaf leaf = leaf(name);
        return new String[] {prefix + ".certificate-chain=" + TestPki.location(leaf.chainFile()),
                prefix + ".private-key=" + TestPki.location(leaf.keyFile()), prefix + ".truststore=" + location("ca.pem")};
    }
}
