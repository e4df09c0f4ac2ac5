package io.siotls.crypto;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.iana.CipherSuite;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-CCM and AES-CCM-8 (RFC 6655, RFC 8446 §B.4) through BouncyCastle: the JDK has no CCM. */
final class CcmAead implements Aead {

    private final CipherSuite suite;
    private final KeyParameter key;
    private final CCMModeCipher cipher = CCMBlockCipher.newInstance(AESEngine.newInstance());

    CcmAead(CipherSuite suite, byte[] key) {
        this.suite = suite;
        this.key = new KeyParameter(key);
    }

    @Override
    public int tagLength() {
        return suite.tagLength();
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer output) {
        cipher.init(true, new AEADParameters(key, suite.tagLength() * 8, nonce, aad));
        byte[] in = new byte[plaintext.remaining()];
        plaintext.get(in);
        byte[] out = new byte[cipher.getOutputSize(in.length)];
        try {
            int length = cipher.processBytes(in, 0, in.length, out, 0);
            length += cipher.doFinal(out, length);
            output.put(out, 0, length);
            return length;
        } catch (InvalidCipherTextException e) {
            throw new InternalErrorAlert(suite + " encryption failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output) {
        cipher.init(false, new AEADParameters(key, suite.tagLength() * 8, nonce, aad));
        int position = ciphertext.position();
        byte[] in = new byte[ciphertext.remaining()];
        ciphertext.get(in);
        try {
            byte[] out = new byte[Math.max(0, in.length - suite.tagLength())];
            int length = cipher.processBytes(in, 0, in.length, out, 0);
            length += cipher.doFinal(out, length);
            output.put(out, 0, length);
            return length;
        } catch (InvalidCipherTextException | RuntimeException e) {
            ciphertext.position(position);
            throw new BadRecordMac("record authentication failed (" + suite + ")");
        }
    }
}
