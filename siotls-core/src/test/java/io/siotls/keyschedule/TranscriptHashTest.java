package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.crypto.CryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The running handshake hash of RFC 8446 §4.4.1. */
class TranscriptHashTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final byte[] CLIENT_HELLO = "client hello, header and all".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_HELLO = "server hello".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FINISHED = "finished".getBytes(StandardCharsets.US_ASCII);

    private final TranscriptHash transcript = new TranscriptHash();

    private static byte[] sha(String algorithm, byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    @Test
    void messagesBeforeSelectHashAreReplayed() throws Exception {
        transcript.update(CLIENT_HELLO);
        transcript.update(SERVER_HELLO, 0, SERVER_HELLO.length);
        transcript.selectHash(CRYPTO, "SHA-384");
        transcript.update(FINISHED);

        assertThat(transcript.current()).isEqualTo(sha("SHA-384", CLIENT_HELLO, SERVER_HELLO, FINISHED));
    }

    @Test
    void updateWithAnOffsetHashesOnlyThatSlice() throws Exception {
        byte[] framed = new byte[SERVER_HELLO.length + 6];
        System.arraycopy(SERVER_HELLO, 0, framed, 3, SERVER_HELLO.length);
        transcript.selectHash(CRYPTO, "SHA-256");
        transcript.update(framed, 3, SERVER_HELLO.length);

        assertThat(transcript.current()).isEqualTo(sha("SHA-256", SERVER_HELLO));
    }

    @Test
    void currentDoesNotDisturbTheRunningHash() throws Exception {
        transcript.selectHash(CRYPTO, "SHA-256");
        transcript.update(CLIENT_HELLO);
        byte[] first = transcript.current();
        byte[] again = transcript.current();
        transcript.update(SERVER_HELLO);

        assertThat(first).isEqualTo(again).isEqualTo(sha("SHA-256", CLIENT_HELLO));
        assertThat(transcript.current()).isEqualTo(sha("SHA-256", CLIENT_HELLO, SERVER_HELLO));
    }

    @Test
    void replaceWithMessageHashIsTheSyntheticMessageHashMessage() throws Exception {
        transcript.update(CLIENT_HELLO);
        transcript.selectHash(CRYPTO, "SHA-256");
        transcript.replaceWithMessageHash();
        transcript.update(SERVER_HELLO);

        byte[] messageHash = new byte[] {(byte) 0xfe, 0, 0, 0x20};
        assertThat(transcript.current()).isEqualTo(sha("SHA-256", messageHash, sha("SHA-256", CLIENT_HELLO), SERVER_HELLO));
    }

    @Test
    void selectHashAgainWithTheSameAlgorithmKeepsTheTranscript() throws Exception {
        transcript.selectHash(CRYPTO, "SHA-256");
        transcript.update(CLIENT_HELLO);
        transcript.selectHash(CRYPTO, "SHA-256");

        assertThat(transcript.current()).isEqualTo(sha("SHA-256", CLIENT_HELLO));
    }

    @Test
    void selectHashWithAnotherAlgorithmIsRefused() {
        transcript.selectHash(CRYPTO, "SHA-256");

        assertThatThrownBy(() -> transcript.selectHash(CRYPTO, "SHA-384")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void currentBeforeSelectHashIsRefused() {
        transcript.update(CLIENT_HELLO);

        assertThatThrownBy(transcript::current).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReleasedTranscriptRefusesUse() {
        transcript.selectHash(CRYPTO, "SHA-256");
        transcript.update(new byte[] {1, 0, 0, 0});

        transcript.release();

        assertThatThrownBy(() -> transcript.update(new byte[] {2, 0, 0, 0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        assertThatThrownBy(transcript::current).isInstanceOf(IllegalStateException.class);
    }
}
