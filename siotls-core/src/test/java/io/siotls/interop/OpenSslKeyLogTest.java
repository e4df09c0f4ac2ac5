package io.siotls.interop;

import static io.siotls.interop.OpenSslExchange.LINE_EACH_WAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import io.siotls.interop.OpenSslExchange.Direction;
import io.siotls.interop.OpenSslExchange.Seen;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For one connection, the NSS key log our side writes equals the one OpenSSL writes with {@code -keylogfile}. */
@Timeout(60)
class OpenSslKeyLogTest {

    @TempDir
    Path dir;

    /** Both directions, with 32-byte (SHA-256) and 48-byte (SHA-384) secrets. */
    static Stream<Arguments> cases() {
        return Stream.of(Direction.values()).flatMap(direction -> Stream.of(
                        CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384)
                .map(suite -> Arguments.of(direction, suite)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bothEndsLogTheSameSecrets(Direction direction, CipherSuite suite) throws Exception {
        Path ours = dir.resolve("siotls.keys");
        Path theirs = dir.resolve("openssl.keys");
        Seen seen = OpenSslExchange.run(direction, dir, TestPki.server(KeyType.EC_P256),
                config -> config.cipherSuites(suite).logKeys(true).keyLogFile(ours), LINE_EACH_WAY,
                "-ciphersuites", suite.ianaName(), "-keylogfile", theirs.toString());
        assertThat(seen.nconfig().cipherSuite()).isEqualTo(suite);

        List<String> ourLines = Files.readAllLines(ours);
        List<String> theirLines = Files.readAllLines(theirs).stream().filter(line -> !line.startsWith("#")).toList();
        assertThat(ourLines).extracting(line -> line.split(" ")[0]).containsExactlyInAnyOrder(
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(ourLines).allMatch(line -> line.matches(
                "[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{" + 2 * suite.hashLength() + "}"));
        assertThat(ourLines).containsExactlyInAnyOrderElementsOf(theirLines);
    }
}
