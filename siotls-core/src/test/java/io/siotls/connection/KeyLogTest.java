package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void bothSidesLogTheSameSecretsInNssFormat() throws Exception {
        Path clientLog = dir.resolve("client.keys");
        Path serverLog = dir.resolve("server.keys");
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).logKeys(true).keyLogFile(clientLog)
                .build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).logKeys(true).keyLogFile(serverLog).build());
        MemoryPipe.handshake(client, server);

        List<String> lines = Files.readAllLines(clientLog);
        assertThat(lines).extracting(line -> line.split(" ")[0]).containsExactly(
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        int secretHexLength = 2 * client.nconfig().cipherSuite().hashLength();
        assertThat(lines).allMatch(line -> line.matches("[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{" + secretHexLength + "}"));
        assertThat(Files.readAllLines(serverLog)).containsExactlyElementsOf(lines);
    }

    @Test
    void nothingIsLoggedUnlessAskedFor() {
        Path log = dir.resolve("never.keys");
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).keyLogFile(log).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThat(log).doesNotExist();
    }

    @Test
    void unwritableKeyLogFileIsAConfigurationError() {
        Path missingFolder = dir.resolve("no/such/folder/keys.log");
        assertThatThrownBy(() -> TLSConfiguration.client().logKeys(true).keyLogFile(missingFolder).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("key_log_file " + missingFolder);
    }
}
