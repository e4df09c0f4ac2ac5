package com.example.starteruser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test's certificates, made with the openssl command as a user would: a CA for the server and
 * one for its clients, a server certificate for localhost and a client certificate, EC P-256 keys
 * in PKCS#8 PEM files. Also reads them back into key stores for the JDK's own TLS client.
 */
final class TestCertificates {

    static final String CLIENT_SUBJECT = "CN=starter-user client";
    private static final char[] PASSWORD = "unused".toCharArray();

    private TestCertificates() {
    }

    /** Makes server-ca.pem, clients-ca.pem, server.pem, server-key.pem, client.pem, client-key.pem in {@code dir}. */
    static void make(Path dir) throws IOException, InterruptedException {
        authority(dir, "server-ca", "/CN=starter-user server CA");
        authority(dir, "clients-ca", "/CN=starter-user clients CA");
        issue(dir, "server", "/CN=localhost", "server-ca", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        issue(dir, "client", "/" + CLIENT_SUBJECT, "clients-ca", "extendedKeyUsage=clientAuth\n");
    }

    private static void authority(Path dir, String name, String subject) throws IOException, InterruptedException {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + "-key.pem", "-out", name + ".pem", "-days", "30", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
    }

    private static void issue(Path dir, String name, String subject, String issuer, String extensions)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + "-key.pem", "-out", name + ".csr", "-subj", subject);
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + "-key.pem",
                "-set_serial", String.valueOf(System.nanoTime()), "-days", "30", "-out", name + ".pem",
                "-extfile", name + ".ext");
    }

    private static void openssl(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** A key store holding the trust anchor in {@code pem}. */
    static KeyStore trustStore(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", certificates(pem)[0]);
        return store;
    }

    /** A key store holding the private key in {@code keyPem} with the chain in {@code chainPem}. */
    static KeyStore keyStore(Path chainPem, Path keyPem) throws Exception {
        String pem = Files.readString(keyPem);
        String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, PASSWORD, certificates(chainPem));
        return store;
    }

    static char[] password() {
        return PASSWORD.clone();
    }

    private static Certificate[] certificates(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
        }
    }
}
