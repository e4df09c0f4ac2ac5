package io.siotls.interop;

import static io.siotls.interop.OpenSslExchange.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.interop.OpenSslExchange.Conversation;
import io.siotls.interop.OpenSslExchange.Direction;
import io.siotls.interop.OpenSslExchange.Seen;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One MiB each way through OpenSSL: our side reassembles what OpenSSL sends in its own records,
 * and cuts what it sends into full 2^14-byte records (as OpenSSL's trace shows).
 */
@Timeout(60)
class OpenSslLargeTransferTest {

    private static final int MAX_PLAINTEXT = 1 << 14;
    private static final int SIZE = 1 << 20;
    private static final int LINE = 128;

    /**
     * Lines of lowercase hex digits: OpenSSL copies its standard input to the connection, and
     * none of these characters is one of its command letters (Q, q, R, r, K, k, P, S...).
     */
    private static final byte[] PAYLOAD = hexLines(new Random(8446));

    @TempDir
    Path dir;

    private static byte[] hexLines(Random random) {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            payload[i] = i % LINE == LINE - 1 ? (byte) '\n' : digits[random.nextInt(digits.length)];
        }
        return payload;
    }

    /**
     * OpenSSL sends the payload and we read it, then we send it and wait until OpenSSL printed
     * it. OpenSSL goes first so that it has printed its connection summary before our data
     * arrives: s_client would otherwise print it between the first record and the rest.
     */
    private static final Conversation ONE_MIB_EACH_WAY = (ours, openssl) -> {
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Future<?> fed = feeder.submit(() -> {
                openssl.stdin().write(PAYLOAD);
                openssl.stdin().flush();
                return null;
            });
            byte[] received = ours.readUntil(bytes -> bytes.length >= SIZE, TIMEOUT);
            fed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(received.length).as("bytes received from OpenSSL").isEqualTo(SIZE);
            assertThat(Arrays.mismatch(received, PAYLOAD)).as("index of the first byte that differs").isEqualTo(-1);
        } finally {
            feeder.shutdownNow();
        }
        String text = new String(PAYLOAD, StandardCharsets.US_ASCII);
        ours.write(PAYLOAD);
        try {
            openssl.awaitOutput(out -> out.contains(text), TIMEOUT);
        } catch (TimeoutException e) {
            throw new AssertionError("OpenSSL did not print the " + SIZE + " bytes we sent; it printed "
                    + openssl.output().length() + " characters");
        }
    };

    @ParameterizedTest
    @EnumSource(Direction.class)
    void carriesOneMebibyteEachWay(Direction direction) throws Exception {
        Seen seen = OpenSslExchange.run(direction, dir, TestPki.server(KeyType.EC_P256), config -> config,
                ONE_MIB_EACH_WAY);
        int fullRecord = MAX_PLAINTEXT + 1 + seen.nconfig().cipherSuite().tagLength();
        assertThat(seen.trace().receivedDataLengths()).as("lengths of the records OpenSSL received")
                .hasSize(SIZE / MAX_PLAINTEXT)
                .containsOnly(fullRecord);
    }
}
