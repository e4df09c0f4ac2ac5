package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomly damaged handshakes (bytes flipped, records cut short): each either still works or
 * fails with a proper alert, never with an unchecked exception (seen as internal_error).
 */
class MutatedInputTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final int RUNS = 1500;

    private static TLSConnection server() {
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).alpn("h2").build());
        server.initiateConnection();
        return server;
    }

    private static TLSConnection client() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).alpn("h2").build(), "localhost");
        client.initiateConnection();
        return client;
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] copy = input.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int at = 5 + random.nextInt(copy.length - 5);
            copy[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : copy[at] ^ (1 << random.nextInt(8)));
        }
        return random.nextInt(4) == 0 ? Arrays.copyOf(copy, 5 + random.nextInt(copy.length - 5)) : copy;
    }

    private static void feed(TLSConnection connection, byte[] input) {
        try {
            connection.receiveData(input);
        } catch (InternalErrorAlert e) {
            throw new AssertionError("internal error on damaged input", e);
        } catch (TLSAlertException expected) {
            assertThat(expected.isRemote()).isFalse();
        }
    }

    @Test
    void damagedClientHellosGetAlerts() {
        byte[] hello = client().dataToSend();
        Random random = new Random(1);
        for (int run = 0; run < RUNS; run++) {
            feed(server(), mutate(hello, random));
        }
    }

    @Test
    void damagedServerHellosGetAlerts() {
        TLSConnection source = client();
        TLSConnection server = server();
        server.receiveData(source.dataToSend());
        byte[] flight = server.dataToSend();
        int helloRecordLength = 5 + ((flight[3] & 0xff) << 8 | (flight[4] & 0xff));
        byte[] serverHello = Arrays.copyOf(flight, helloRecordLength);
        Random random = new Random(2);
        for (int run = 0; run < RUNS / 3; run++) {
            TLSConnection client = client();
            client.dataToSend();
            feed(client, mutate(serverHello, random));
        }
    }
}
