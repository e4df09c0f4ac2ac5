package io.siotls.spring.autoconfigure;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Test certificates, made at test time with BouncyCastle and written as PEM files into a directory. */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(1);

    private final Path directory;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    /** A new certificate authority whose files go to {@code directory}. */
    public TestPki(Path directory) {
        this.directory = directory;
        this.caKeys = ecKeyPair();
        this.ca = certificate("CN=siotls test CA", caKeys, "CN=siotls test CA", caKeys, null);
    }

    /** The CA certificate as a PEM file. */
    public Path caFile() {
        return write("ca.pem", pem(ca));
    }

    /** A leaf certificate for {@code host}, issued by the CA; its chain and key written as {@code name}.pem and {@code name}-key.pem. */
    public Leaf leaf(String name, String host) {
        KeyPair keys = ecKeyPair();
        X509Certificate certificate = certificate("CN=" + host, keys, "CN=siotls test CA", caKeys, host);
        Path chain = write(name + ".pem", pem(certificate) + pem(ca));
        Path key = write(name + "-key.pem", pkcs8(keys.getPrivate()));
        Path publicKey = write(name + "-pub.pem", pem(keys.getPublic()));
        return new Leaf(certificate, keys, chain, key, publicKey);
    }

    /** A raw key pair (no certificate): private and public keys written as {@code name}-key.pem and {@code name}-pub.pem. */
    Leaf rawKeys(String name) {
        KeyPair keys = ecKeyPair();
        return new Leaf(null, keys, null, write(name + "-key.pem", pkcs8(keys.getPrivate())),
                write(name + "-pub.pem", pem(keys.getPublic())));
    }

    /** {@code leaf}'s private key as an encrypted PKCS#8 PEM file. */
    Path encryptedKey(Leaf leaf, String password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC);
            encryptor.setProvider(new BouncyCastleProvider()).setPassword(password.toCharArray());
            return write("encrypted-key.pem", pemObject(new JcaPKCS8Generator(leaf.keys().getPrivate(), encryptor.build()).generate()));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code content} to {@code name} in the directory. */
    Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code file:} location of {@code file}, as properties take it. */
    public static String location(Path file) {
        return file.toUri().toString();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            String host) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIALS.getAndIncrement()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), subjectKeys.getPublic());
            if (host == null) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pkcs8(PrivateKey key) {
        try {
            return pemObject(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String pemObject(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** A certificate (or none, for raw keys), its key pair and the files holding them. */
    public record Leaf(X509Certificate certificate, KeyPair keys, Path chainFile, Path keyFile, Path publicKeyFile) {
    }
}
