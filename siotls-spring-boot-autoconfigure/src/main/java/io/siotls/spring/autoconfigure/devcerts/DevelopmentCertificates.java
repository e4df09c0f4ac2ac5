package io.siotls.spring.autoconfigure.devcerts;

import io.siotls.trust.TrustStores;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development certificate authority and a server and a client certificate it issued, made
 * once into a folder and reused from there: ECDSA P-256 keys, the server certificate for
 * localhost, 127.0.0.1 and ::1, valid for a year. For trying an application out, never for
 * production. The client trust store holds the development CA and the JDK's own trust anchors,
 * so that the application's HTTP clients still reach public servers.
 */
public final class DevelopmentCertificates {

    /** The CA certificate. */
    public static final String CA = "ca.pem";
    /** The server chain, end-entity first. */
    public static final String SERVER_CHAIN = "server.pem";
    /** The server's private key. */
    public static final String SERVER_KEY = "server-key.pem";
    /** The client chain, end-entity first. */
    public static final String CLIENT_CHAIN = "client.pem";
    /** The client's private key. */
    public static final String CLIENT_KEY = "client-key.pem";
    /** The development CA followed by the JDK's trust anchors, for the application's own clients. */
    public static final String CLIENT_TRUSTSTORE = "client-truststore.pem";

    private static final List<String> FILES = List.of(CA, SERVER_CHAIN, SERVER_KEY, CLIENT_CHAIN, CLIENT_KEY,
            CLIENT_TRUSTSTORE);
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final Path directory;

    private DevelopmentCertificates(Path directory) {
        this.directory = directory;
    }

    /** The folder the files are in. */
    public Path directory() {
        return directory;
    }

    /** One of the files, by its name ({@link #CA}, {@link #SERVER_CHAIN}...). */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Whether every file is already in {@code directory}. */
    static boolean present(Path directory) {
        return FILES.stream().allMatch(name -> Files.isRegularFile(directory.resolve(name)));
    }

    /**
     * The certificates of {@code directory}, made there first when a file is missing.
     *
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    public static DevelopmentCertificates inDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!present(absolute)) {
            create(absolute);
        }
        return new DevelopmentCertificates(absolute);
    }

    /**
     * The certificates {@code directory} will hold, made neither now nor here: for an
     * ahead-of-time build, which must see where they will be without writing them.
     */
    public static DevelopmentCertificates locatedIn(Path directory) {
        return new DevelopmentCertificates(directory.toAbsolutePath().normalize());
    }

    private static void create(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name("CN=siotls development CA");
            X509Certificate ca = certificate(caName, caKeys, caName, caKeys, null, null);
            KeyPair serverKeys = keyPair();
            X509Certificate server = certificate(new X500Name("CN=localhost"), serverKeys, caName, caKeys,
                    new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.iPAddress, "::1")}), KeyPurposeId.id_kp_serverAuth);
            KeyPair clientKeys = keyPair();
            X509Certificate client = certificate(new X500Name("CN=siotls development client"), clientKeys, caName,
                    caKeys, null, KeyPurposeId.id_kp_clientAuth);
            write(directory.resolve(CA), pem(ca), false);
            write(directory.resolve(SERVER_CHAIN), pem(server) + pem(ca), false);
            write(directory.resolve(SERVER_KEY), pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)), true);
            write(directory.resolve(CLIENT_CHAIN), pem(client) + pem(ca), false);
            write(directory.resolve(CLIENT_KEY), pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)), true);
            StringBuilder truststore = new StringBuilder(pem(ca));
            for (X509Certificate anchor : TrustStores.system().trustAnchors()) {
                truststore.append(pem(anchor));
            }
            write(directory.resolve(CLIENT_TRUSTSTORE), truststore.toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the development certificates into " + directory + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the development certificates: " + e.getMessage(), e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, GeneralNames names, KeyPurposeId purpose)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
        if (purpose == null) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof JcaPKCS8Generator generator ? generator.generate() : object);
        }
        return out.toString();
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        if (secret && Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
