package io.siotls.samples.rawkeys;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** An Ed25519 key pair as {@code server-key.pem} and {@code server-pub.pem}, made once into a folder. */
final class RawKeyPair {

    static final String PRIVATE_KEY = "server-key.pem";
    static final String PUBLIC_KEY = "server-pub.pem";

    private RawKeyPair() {
    }

    /** Makes the key pair in {@code directory} unless both files are there. */
    static void ensure(Path directory) {
        if (Files.isRegularFile(directory.resolve(PRIVATE_KEY)) && Files.isRegularFile(directory.resolve(PUBLIC_KEY))) {
            return;
        }
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PRIVATE_KEY), pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()),
                    StandardCharsets.US_ASCII);
            Files.writeString(directory.resolve(PUBLIC_KEY), pem(keys.getPublic()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw key pair into " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
