package io.siotls.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Test certificates generated at test time. The common cases are one line:
 * <pre>{@code
 * Identity server = TestPki.server(KeyType.EC_P256);   // localhost, 127.0.0.1, ::1; serverAuth
 * Identity client = TestPki.client(KeyType.ED25519);   // clientAuth
 * Identity odd = TestPki.builder().keyType(KeyType.RSA_2048).dnsNames("*.example.com")
 *         .withIntermediate().expired().build();
 * }</pre>
 * Unless another authority is given, identities are issued by {@link CertificateAuthority#shared}
 * of the CA key type (by default the leaf's key type), so one root trusts every default identity
 * of that type. Key pairs are cached per type, so the leaves of one type share their key unless
 * {@link Builder#keyPair} says otherwise.
 *
 * <p>An instance is a PKI of PEM files in a directory, for tests that configure file locations
 * (the Spring Boot properties): its own EC P-256 root {@code CN=siotls test CA}, valid from an
 * hour ago for a day, which trusts nothing another instance issues. Its certificates carry no key
 * identifiers, so that another instance's root, of the same name, is an impostor found by name.
 * <pre>{@code
 * TestPki pki = new TestPki(dir);
 * Path ca = pki.caFile();                              // ca.pem
 * TestPki.Leaf server = pki.leaf("server", "localhost"); // server.pem (leaf + CA), server-key.pem
 * }</pre>
 */
public final class TestPki {

    private static final String CA_SUBJECT = "CN=siotls test CA";

    private final Path directory;
    private final CertificateAuthority authority;

    /** A PKI with a new root of its own, whose files go to {@code directory}. */
    public TestPki(Path directory) {
        this.directory = directory;
        Instant now = Instant.now();
        this.authority = CertificateAuthority.newRoot(KeyType.EC_P256, CA_SUBJECT, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
    }

    /** A server identity: {@code type} key, SANs localhost, 127.0.0.1 and ::1, EKU serverAuth, issued by the shared root. */
    public static Identity server(KeyType type) {
        return builder().keyType(type).eku(Eku.SERVER_AUTH).build();
    }

    /** A client identity: {@code type} key, SANs localhost, 127.0.0.1 and ::1, EKU clientAuth, issued by the shared root. */
    public static Identity client(KeyType type) {
        return builder().keyType(type).eku(Eku.CLIENT_AUTH).build();
    }

    /**
     * A leaf signed by {@code issuer}'s leaf, which is no CA (basicConstraints cA=FALSE): the chain
     * holds both, up to {@code issuer}'s root. A validator must refuse it (RFC 5280 §6.1.4 (k)).
     * {@code keyType} is both leaves' key type.
     */
    public static Identity issuedByALeaf(Identity issuer, KeyType keyType) {
        KeyPair keys = KeyPairs.cached(keyType, "leaf-issued");
        Instant now = Instant.now();
        X509Certificate leaf = new CertificateMaker()
                .subject("CN=issued by a leaf,O=siotls tests", keys.getPublic())
                .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))
                .dnsName("localhost")
                .signBy(issuer.leaf(), issuer.keyPair(), keyType);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuer.chain());
        return new Identity(keys, chain, issuer.root());
    }

    /** A builder with the defaults of {@link #server}, for EC P-256. */
    public static Builder builder() {
        return new Builder();
    }

    /** The root certificate, which issues every leaf of this PKI. */
    public X509Certificate root() {
        return authority.root();
    }

    /** The root certificate as the PEM file {@code ca.pem}. */
    public Path caFile() {
        return write("ca.pem", Pem.certificates(List.of(authority.root())));
    }

    /**
     * A new EC P-256 leaf for {@code host} (subject {@code CN=host}, that one dNSName, EKU serverAuth
     * and clientAuth), issued by the root: {@code name.pem} holds the leaf then the root,
     * {@code name-key.pem} the key as the JDK encodes it (PKCS#8) and {@code name-pub.pem} the public key.
     */
    public Leaf leaf(String name, String host) {
        return leafIn(directory, name, host);
    }

    /** As {@link #leaf}, its files written into {@code target} instead. */
    public Leaf leafIn(Path target, String name, String host) {
        KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
        Identity identity = builder().issuer(authority).keyPair(keys).subject("CN=" + host).dnsNames(host).ipAddresses()
                .eku(Eku.BOTH).keyIdentifiers(false).build();
        List<X509Certificate> chainAndRoot = new ArrayList<>(identity.chain());
        chainAndRoot.add(identity.root());
        Path chain = write(target, name + ".pem", Pem.certificates(chainAndRoot));
        Path key = write(target, name + "-key.pem", Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Path publicKey = write(target, name + "-pub.pem", Pem.encode("PUBLIC KEY", keys.getPublic().getEncoded()));
        return new Leaf(identity.leaf(), keys, chain, key, publicKey);
    }

    /** A new EC P-256 key pair and no certificate (RFC 7250 raw keys): {@code name-key.pem} and {@code name-pub.pem}. */
    public Leaf rawKeys(String name) {
        KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
        return new Leaf(null, keys, null, write(name + "-key.pem", Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded())),
                write(name + "-pub.pem", Pem.encode("PUBLIC KEY", keys.getPublic().getEncoded())));
    }

    /** {@code leaf}'s private key as the encrypted PKCS#8 PEM file {@code encrypted-key.pem} (AES-256-CBC). */
    public Path encryptedKey(Leaf leaf, String password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC);
            encryptor.setProvider(new BouncyCastleProvider()).setPassword(password.toCharArray());
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(leaf.keys().getPrivate(), encryptor.build()).generate());
            }
            return write("encrypted-key.pem", text.toString());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code name} in the directory. */
    public Path write(String name, String content) {
        return write(directory, name, content);
    }

    private static Path write(Path target, String name, String content) {
        try {
            return Files.writeString(target.resolve(name), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code file:} location of {@code file}, as properties take it. */
    public static String location(Path file) {
        return file.toUri().toString();
    }

    /**
     * A leaf of a {@link TestPki} instance and its files.
     *
     * @param certificate   the leaf certificate; null for {@link #rawKeys}
     * @param keys          its key pair
     * @param chainFile     the leaf then the root, PEM; null for {@link #rawKeys}
     * @param keyFile       the private key, unencrypted PKCS#8 PEM
     * @param publicKeyFile the public key, SubjectPublicKeyInfo PEM
     */
    public record Leaf(X509Certificate certificate, KeyPair keys, Path chainFile, Path keyFile, Path publicKeyFile) {
    }

    /** Chooses every aspect of a test identity; each setter returns this builder. */
    public static final class Builder {

        private KeyType keyType = KeyType.EC_P256;
        private KeyType caKeyType;
        private KeyPair keyPair;
        private CertificateAuthority issuer;
        private boolean withIntermediate;
        private Instant intermediateNotBefore;
        private Instant intermediateNotAfter;
        private String subject;
        private List<String> dnsNames = List.of("localhost");
        private List<String> ipAddresses = List.of("127.0.0.1", "::1");
        private Instant notBefore;
        private Instant notAfter;
        private Eku eku = Eku.SERVER_AUTH;
        private Integer keyUsage = KeyUsage.digitalSignature;
        private boolean ca;
        private boolean selfSigned;
        private boolean keyIdentifiers = true;

        private Builder() {
        }

        /** The leaf's key type (default EC P-256). */
        public Builder keyType(KeyType type) {
            this.keyType = type;
            return this;
        }

        /** The key type of the shared root (and intermediate) issuing the leaf; default: the leaf's key type. */
        public Builder caKeyType(KeyType type) {
            this.caKeyType = type;
            return this;
        }

        /** The leaf's key pair; default: the cached leaf key pair of the key type. */
        public Builder keyPair(KeyPair keys) {
            this.keyPair = keys;
            return this;
        }

        /** The authority issuing the leaf (a root or an intermediate); default: the shared root of the CA key type. */
        public Builder issuer(CertificateAuthority authority) {
            this.issuer = authority;
            return this;
        }

        /** Puts a fresh intermediate, valid for ten years, between the issuer and the leaf. */
        public Builder withIntermediate() {
            this.withIntermediate = true;
            return this;
        }

        /** Puts a fresh intermediate valid in [from, to] between the issuer and the leaf. */
        public Builder withIntermediate(Instant from, Instant to) {
            this.withIntermediate = true;
            this.intermediateNotBefore = from;
            this.intermediateNotAfter = to;
            return this;
        }

        /** The leaf's subject distinguished name; default {@code CN=<first DNS name>}. */
        public Builder subject(String distinguishedName) {
            this.subject = distinguishedName;
            return this;
        }

        /** The dNSName SANs (default: localhost); none at all when called with no argument. */
        public Builder dnsNames(String... names) {
            this.dnsNames = List.of(names);
            return this;
        }

        /** The iPAddress SANs, as text (default: 127.0.0.1 and ::1); none when called with no argument. */
        public Builder ipAddresses(String... addresses) {
            this.ipAddresses = List.of(addresses);
            return this;
        }

        /** The leaf's validity window; default from an hour ago for a day. */
        public Builder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** A leaf that expired a day ago (valid for the 30 days before). */
        public Builder expired() {
            Instant now = Instant.now();
            return validity(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
        }

        /** A leaf that becomes valid in a day. */
        public Builder notYetValid() {
            Instant now = Instant.now();
            return validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)));
        }

        /** The extended key usage of the leaf (default serverAuth). */
        public Builder eku(Eku usage) {
            this.eku = usage;
            return this;
        }

        /** Key usage bits, as {@link KeyUsage} constants (default digitalSignature); null: no extension. */
        public Builder keyUsage(Integer bits) {
            this.keyUsage = bits;
            return this;
        }

        /** Whether the leaf says it is a CA (basicConstraints cA=TRUE); default false. */
        public Builder ca(boolean isCa) {
            this.ca = isCa;
            return this;
        }

        /** Makes the leaf self-signed: it is its own root and the chain holds only it. */
        public Builder selfSigned() {
            this.selfSigned = true;
            return this;
        }

        /** Whether the leaf carries subject and authority key identifiers (default true); without them its issuer is found by name only. */
        public Builder keyIdentifiers(boolean add) {
            this.keyIdentifiers = add;
            return this;
        }

        /** Generates the certificates. */
        public Identity build() {
            KeyType authorityType = caKeyType != null ? caKeyType : keyType;
            CertificateAuthority authority = issuer != null ? issuer : CertificateAuthority.shared(authorityType);
            if (withIntermediate) {
                Instant now = Instant.now();
                authority = authority.intermediate("siotls test intermediate " + authority.keyType(), authority.keyType(),
                        intermediateNotBefore != null ? intermediateNotBefore : now.minus(Duration.ofDays(1)),
                        intermediateNotAfter != null ? intermediateNotAfter : now.plus(Duration.ofDays(3650)));
            }
            KeyPair keys = keyPair != null ? keyPair : KeyPairs.cached(keyType, "leaf");
            Instant now = Instant.now();
            CertificateMaker maker = new CertificateMaker()
                    .subject(subject != null ? subject : defaultSubject(), keys.getPublic())
                    .validity(notBefore != null ? notBefore : now.minus(Duration.ofHours(1)),
                            notAfter != null ? notAfter : now.plus(Duration.ofDays(1)))
                    .ca(ca, null)
                    .keyUsage(keyUsage)
                    .eku(eku)
                    .keyIdentifiers(keyIdentifiers);
            dnsNames.forEach(maker::dnsName);
            ipAddresses.forEach(maker::ipAddress);
            if (selfSigned) {
                X509Certificate self = maker.signBy(null, keys, keyType);
                return new Identity(keys, List.of(self), self);
            }
            X509Certificate leaf = maker.signBy(authority.certificate(), authority.keyPair(), authority.keyType());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            chain.addAll(authority.intermediates());
            return new Identity(keys, chain, authority.root());
        }

        private String defaultSubject() {
            return "CN=" + (dnsNames.isEmpty() ? "siotls test leaf" : dnsNames.get(0)) + ",O=siotls tests";
        }
    }
}
