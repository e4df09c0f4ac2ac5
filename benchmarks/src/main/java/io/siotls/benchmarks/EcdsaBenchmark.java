package io.siotls.benchmarks;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.SignatureScheme;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ECDSA as a TLS 1.3 CertificateVerify spends it (RFC 8446 §4.4.3): one DER signature of a
 * message over secp256r1 with SHA-256 or secp384r1 with SHA-384, and its verification, through
 * the engine's {@code CryptoProvider} (BouncyCastle's lightweight API, hash, DER encoding or
 * strict decoding included, the verified key kept from one verification to the next) beside the
 * JDK's SunEC through
 * {@code java.security.Signature}, a fresh instance per operation as the engine takes one. Run
 * it on each JDK, and on JDK 25 also with {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:-UseIntPolyIntrinsics} for what a CPU without AVX-512 IFMA gets: it is why the engine keeps
 * BouncyCastle for ECDSA on every JDK (docs/architecture.md has the numbers).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcdsaBenchmark {

    @Param({"secp256r1", "secp384r1"})
    public String curve;

    @Param({"SIOTLS", "SUNEC"})
    public String backend;

    private final SecureRandom random = new SecureRandom();
    /** The 130 bytes an RFC 8446 §4.4.3 CertificateVerify signs over a SHA-256 transcript hash. */
    private final byte[] message = new byte[130];
    private Backend ecdsa;
    private KeyPair keyPair;
    private byte[] signature;

    /** One ECDSA implementation: sign and verify with JCA keys, DER signatures. */
    private interface Backend {
        byte[] sign(ECPrivateKey key, byte[] message) throws Exception;

        boolean verify(ECPublicKey key, byte[] message, byte[] signature) throws Exception;
    }

    @Setup
    public void setUp() throws Exception {
        random.nextBytes(message);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec(curve), random);
        keyPair = generator.generateKeyPair();
        String hash = curve.equals("secp256r1") ? "SHA-256" : "SHA-384";
        ecdsa = backend.equals("SUNEC") ? new SunEc(hash.replace("-", "") + "withECDSA", random)
                : new Engine(curve.equals("secp256r1") ? SignatureScheme.ECDSA_SECP256R1_SHA256
                        : SignatureScheme.ECDSA_SECP384R1_SHA384, random);
        signature = ecdsa.sign((ECPrivateKey) keyPair.getPrivate(), message);
        if (!ecdsa.verify((ECPublicKey) keyPair.getPublic(), message, signature)) {
            throw new IllegalStateException(backend + " does not verify its own " + curve + " signature");
        }
    }

    /** The server (or a client with a certificate): its CertificateVerify signature. */
    @Benchmark
    public byte[] sign() throws Exception {
        return ecdsa.sign((ECPrivateKey) keyPair.getPrivate(), message);
    }

    /** The peer: verification of that signature with the key from the certificate. */
    @Benchmark
    public boolean verify() throws Exception {
        return ecdsa.verify((ECPublicKey) keyPair.getPublic(), message, signature);
    }

    /**
     * The engine's own signatures ({@code CryptoProvider.getDefault()}): BouncyCastle's ECDSA, and for
     * verification the peer key's point kept from its previous verification, as a client verifying
     * the same server in every connection gets it.
     */
    private static final class Engine implements Backend {
        private final SignatureScheme scheme;
        private final SecureRandom random;

        Engine(SignatureScheme scheme, SecureRandom random) {
            this.scheme = scheme;
            this.random = random;
        }

        @Override
        public byte[] sign(ECPrivateKey key, byte[] message) {
            return CryptoProvider.getDefault().sign(scheme, key, message, random);
        }

        @Override
        public boolean verify(ECPublicKey key, byte[] message, byte[] signature) {
            return CryptoProvider.getDefault().verify(scheme, key, message, signature);
        }
    }

    private static final class SunEc implements Backend {
        private final String algorithm;
        private final SecureRandom random;

        SunEc(String algorithm, SecureRandom random) {
            this.algorithm = algorithm;
            this.random = random;
        }

        @Override
        public byte[] sign(ECPrivateKey key, byte[] message) throws Exception {
            Signature signer = Signature.getInstance(algorithm, "SunEC");
            signer.initSign(key, random);
            signer.update(message);
            return signer.sign();
        }

        @Override
        public boolean verify(ECPublicKey key, byte[] message, byte[] signature) throws Exception {
            Signature verifier = Signature.getInstance(algorithm, "SunEC");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        }
    }
}
