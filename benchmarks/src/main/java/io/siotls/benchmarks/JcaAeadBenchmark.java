package io.siotls.benchmarks;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The ceiling of {@link BulkBenchmark}: the JCA cipher alone sealing and opening one record of
 * {@code size} bytes (plus the content type byte), with a fresh nonce each time as TLS needs
 * (RFC 8446 §5.3), one cipher per direction, and no record layer around it. What a TLS engine built on JCA can at best
 * reach, in speed and in allocation per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JcaAeadBenchmark {

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"16384", "1024"})
    public int size;

    private Cipher sealer;
    private Cipher opener;
    private SecretKeySpec key;
    private boolean chacha;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = {23, 3, 3, 0, 0};
    private ByteBuffer plaintext;
    private ByteBuffer sealed;
    private ByteBuffer opened;
    private long sequence;

    @Setup
    public void makeCipher() throws GeneralSecurityException {
        chacha = suite.contains("CHACHA20");
        int keyLength = suite.contains("AES_128") ? 16 : 32;
        key = new SecretKeySpec(new byte[keyLength], chacha ? "ChaCha20" : "AES");
        sealer = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        opener = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        plaintext = ByteBuffer.allocate(size + 1);
        sealed = ByteBuffer.allocate(size + 1 + 16);
        opened = ByteBuffer.allocate(size + 1);
    }

    private AlgorithmParameterSpec nextNonce() {
        long value = ++sequence;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (value >>> (8 * i));
        }
        return chacha ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce);
    }

    @Benchmark
    public int sealAndOpen() throws GeneralSecurityException {
        AlgorithmParameterSpec parameters = nextNonce();
        plaintext.clear();
        sealed.clear();
        sealer.init(Cipher.ENCRYPT_MODE, key, parameters);
        sealer.updateAAD(aad);
        sealer.doFinal(plaintext, sealed);
        sealed.flip();
        opened.clear();
        opener.init(Cipher.DECRYPT_MODE, key, parameters);
        opener.updateAAD(aad);
        return opener.doFinal(sealed, opened);
    }
}
