package io.siotls.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ticket key file shared by servers behind a load balancer: two servers reading one file
 * open each other's tickets, a rotated file (new key first, old second) opens the old tickets,
 * one without the old key does not, the file written by {@code openssl rand -base64 32} is read,
 * and every bad file is a typed error naming the file and never quoting a key.
 */
class TicketKeyFileTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] STATE = "the session state".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private static byte[] seal(TicketKeys keys) {
        return keys.seal(STATE, T0, T0.plus(Duration.ofHours(2)));
    }

    @Test
    void twoServersReadingOneFileOpenEachOthersTicketsUnderTheSameKeyId() throws Exception {
        Path file = write("ticket.key", newKey() + "\n" + newKey() + "\n");
        TicketKeys a = TicketKeyFile.read(file);
        TicketKeys b = TicketKeyFile.read(file);

        byte[] fromA = seal(a);
        byte[] fromB = seal(b);

        assertThat(b.open(fromA, T0)).isEqualTo(STATE);
        assertThat(a.open(fromB, T0)).isEqualTo(STATE);
        assertThat(Arrays.copyOfRange(fromA, 1, 17)).as("the key id").isEqualTo(Arrays.copyOfRange(fromB, 1, 17));
        assertThat(a.rotationPeriod()).isNull();
    }

    @Test
    void aRotatedFileSealsWithItsNewFirstKeyAndStillOpensTheOldTicketsUntilTheOldKeyIsRemoved() throws Exception {
        String old = newKey();
        String next = newKey();
        byte[] oldTicket = seal(TicketKeyFile.read(write("ticket.key", old + "\n")));

        TicketKeys rotated = TicketKeyFile.read(write("ticket.key", next + "\n" + old + "\n"));
        byte[] newTicket = seal(rotated);
        assertThat(rotated.open(oldTicket, T0)).isEqualTo(STATE);
        assertThat(TicketKeyFile.read(write("next-only.key", next + "\n")).open(newTicket, T0))
                .as("sealed by the new first key").isEqualTo(STATE);

        TicketKeys oldRemoved = TicketKeyFile.read(write("ticket.key", next + "\n"));
        assertThat(oldRemoved.open(oldTicket, T0)).isNull();
        assertThat(oldRemoved.open(newTicket, T0)).isEqualTo(STATE);
    }

    @Test
    void aFileOfOpenSslRandIsRead() throws Exception {
        Path file = dir.resolve("ticket.key");
        Process openssl = new ProcessBuilder("openssl", "rand", "-base64", "-out", file.toString(), "32")
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();

        TicketKeys keys = TicketKeyFile.read(file);
        assertThat(keys.open(seal(keys), T0)).isEqualTo(STATE);
    }

    @Test
    void commentsBlankLinesSpacesAndCrLfAreIgnored() throws Exception {
        String key = newKey();
        Path file = write("ticket.key", "# sealing key, 2026-06-01\r\n  " + key + "  \r\n\r\n# end\r\n");
        Path plain = write("plain.key", key);

        assertThat(TicketKeyFile.read(plain).open(seal(TicketKeyFile.read(file)), T0)).isEqualTo(STATE);
    }

    @Test
    void theCurrentKeyIsAsOldAsTheFileAndKeysGivenAsContentHaveNoAge() throws Exception {
        Path file = write("ticket.key", newKey() + "\n");
        Instant modified = Instant.parse("2026-05-31T12:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));

        assertThat(TicketKeyFile.read(file).currentKeyCreated()).contains(modified);
        assertThat(TicketKeyFile.parse(Files.readAllBytes(file), "a resource").currentKeyCreated()).isEmpty();
        TicketKeys random = TicketKeys.random();
        assertThat(random.currentKeyCreated()).as("before the first ticket").isEmpty();
        seal(random);
        assertThat(random.currentKeyCreated()).contains(T0);
    }

    @Test
    void aMissingFileOrADirectoryIsUnreadable() {
        assertFails(() -> TicketKeyFile.read(dir.resolve("absent.key")), ConfigurationProblem.UNREADABLE,
                dir.resolve("absent.key"), "file not found");
        assertFails(() -> TicketKeyFile.read(dir), ConfigurationProblem.UNREADABLE, dir, "is a directory");
    }

    @Test
    void anEmptyFileOrOneOfCommentsOnlyIsEmpty() throws Exception {
        Path empty = write("empty.key", "");
        Path comments = write("comments.key", "# no key yet\n\n");
        assertFails(() -> TicketKeyFile.read(empty), ConfigurationProblem.EMPTY, empty, "holds no key");
        assertFails(() -> TicketKeyFile.read(comments), ConfigurationProblem.EMPTY, comments, "holds no key");
    }

    @Test
    void aKeyOfTheWrongLengthIsOutOfRangeNamingItsLine() throws Exception {
        byte[] short16 = new byte[16];
        RANDOM.nextBytes(short16);
        String shortKey = Base64.getEncoder().encodeToString(short16);
        Path file = write("ticket.key", newKey() + "\n# old\n" + shortKey + "\n");

        TLSConfigurationException failure = assertFails(() -> TicketKeyFile.read(file), ConfigurationProblem.OUT_OF_RANGE,
                file, "line 3 holds 16 bytes, a key is 32");
        assertThat(failure.getMessage()).doesNotContain(shortKey);
    }

    @Test
    void aRawBinaryKeyIsRefusedAsBinaryAndTextThatIsNotBase64AsMalformed() throws Exception {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        raw[0] = 0;
        Path binary = Files.write(dir.resolve("binary.key"), raw);
        Path hex = write("hex.key", "not base64 at all!\n");

        assertFails(() -> TicketKeyFile.read(binary), ConfigurationProblem.MALFORMED, binary, "is binary, not Base64");
        TLSConfigurationException failure = assertFails(() -> TicketKeyFile.read(hex), ConfigurationProblem.MALFORMED,
                hex, "line 1 is not Base64");
        assertThat(failure.getMessage()).doesNotContain("not base64 at all");
    }

    @Test
    void aKeyOfOneByteRepeatedIsRefused() throws Exception {
        Path zeros = write("zeros.key", Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertFails(() -> TicketKeyFile.read(zeros), ConfigurationProblem.MALFORMED, zeros, "one byte repeated");
    }

    @Test
    void aKeyTwiceIsDuplicateNamingBothLines() throws Exception {
        String key = newKey();
        Path file = write("ticket.key", key + "\n" + newKey() + "\n" + key + "\n");
        assertFails(() -> TicketKeyFile.read(file), ConfigurationProblem.DUPLICATE, file, "lines 1 and 3 hold the same key");
    }

    @Test
    void moreThanSixteenKeysOrAHugeFileIsRefused() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= TicketKeyFile.MAX_KEYS; i++) {
            keys.add(newKey());
        }
        Path many = write("many.key", String.join("\n", keys));
        Path huge = write("huge.key", "#".repeat(TicketKeyFile.MAX_FILE_SIZE + 1));

        assertFails(() -> TicketKeyFile.read(many), ConfigurationProblem.OUT_OF_RANGE, many, "more than 16 keys");
        assertFails(() -> TicketKeyFile.read(huge), ConfigurationProblem.UNREADABLE, huge, "larger than 64 KiB");
        assertThat(TicketKeyFile.read(write("sixteen.key", String.join("\n", keys.subList(0, 16))))).isNotNull();
    }

    private static TLSConfigurationException assertFails(Runnable read, ConfigurationProblem problem, Path file,
            String text) {
        TLSConfigurationException[] caught = new TLSConfigurationException[1];
        assertThatThrownBy(read::run).isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
            assertThat(e.option()).isEqualTo(ConfigurationOption.SESSION_TICKET_KEYS);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.source()).isEqualTo(file.toString());
            assertThat(e.getMessage()).contains(file.toString()).contains(text);
            caught[0] = e;
        });
        return caught[0];
    }
}
