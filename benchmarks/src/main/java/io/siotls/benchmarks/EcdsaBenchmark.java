package io.siotls.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
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
 * message over secp256r1 with SHA-256 or secp384r1 with SHA-384, and its verification, on
 * BouncyCastle's lightweight API the way the engine's {@code BcEcdsa} calls it (key conversion,
 * hash, DER encoding or strict decoding included) beside the JDK's SunEC through
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

    @Param({"BOUNCYCASTLE", "SUNEC"})
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
                : new BouncyCastle(curve, hash, random);
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

    private static final class BouncyCastle implements Backend {
        private final ECDomainParameters domain;
        private final String hash;
        private final SecureRandom random;

        BouncyCastle(String curve, String hash, SecureRandom random) {
            X9ECParameters parameters = CustomNamedCurves.getByName(curve);
            this.domain = new ECDomainParameters(parameters.getCurve(), parameters.getG(), parameters.getN(),
                    parameters.getH(), parameters.getSeed());
            this.hash = hash;
            this.random = random;
        }

        @Override
        public byte[] sign(ECPrivateKey key, byte[] message) throws Exception {
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(key.getS(), domain), random));
            BigInteger[] rs = signer.generateSignature(MessageDigest.getInstance(hash).digest(message));
            return StandardDSAEncoding.INSTANCE.encode(domain.getN(), rs[0], rs[1]);
        }

        @Override
        public boolean verify(ECPublicKey key, byte[] message, byte[] signature) throws Exception {
            ECPublicKeyParameters publicKey = new ECPublicKeyParameters(
                    domain.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()), domain);
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(domain.getN(), signature);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, publicKey);
            return verifier.verifySignature(MessageDigest.getInstance(hash).digest(message), rs[0], rs[1]);
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
