package io.siotls.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sealing of stateless tickets: what opens, what does not (forged, truncated, foreign,
 * expired keys), rotation, and the typed configuration errors.
 */
class TicketKeysTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] STATE = "the session state".getBytes(StandardCharsets.US_ASCII);
    private static final Duration LIFETIME = Duration.ofHours(2);

    private static byte[] seal(TicketKeys keys, Instant at) {
        return keys.seal(STATE, at, at.plus(LIFETIME));
    }

    @Test
    void aTicketOpensToItsStateAndEachSealingIsFresh() {
        TicketKeys keys = TicketKeys.random();
        byte[] first = seal(keys, T0);
        byte[] second = seal(keys, T0);

        assertThat(keys.open(first, T0)).isEqualTo(STATE);
        assertThat(first).hasSize(1 + 16 + 12 + STATE.length + 16);
        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(first, 1, 17)).as("the same key id").isEqualTo(Arrays.copyOfRange(second, 1, 17));
        assertThat(first).isNotEqualTo(second);
    }

    /** The key's ciphers are reused between tickets: never two threads on one, never one left broken by a forgery. */
    @Test
    void threadsSealingAndOpeningAtOnceEachGetTheirOwnState() throws Exception {
        TicketKeys keys = TicketKeys.random();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                byte[] state = ("state of thread " + t).getBytes(StandardCharsets.US_ASCII);
                outcomes.add(threads.submit(() -> {
                    int opened = 0;
                    for (int i = 0; i < 300; i++) {
                        byte[] ticket = keys.seal(state, T0, T0.plus(LIFETIME));
                        if (i % 10 == 0) {
                            ticket[ticket.length - 1] ^= 1;
                            assertThat(keys.open(ticket, T0)).as("forged").isNull();
                        } else if (Arrays.equals(keys.open(ticket, T0), state)) {
                            opened++;
                        }
                    }
                    return opened;
                }));
            }
            for (Future<Integer> outcome : outcomes) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(270);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void everyAlteredOrTruncatedTicketFailsToOpen() {
        TicketKeys keys = TicketKeys.random();
        byte[] ticket = seal(keys, T0);
        for (int i = 0; i < ticket.length; i++) {
            byte[] altered = ticket.clone();
            altered[i] ^= 0x20;
            assertThat(keys.open(altered, T0)).as("byte " + i + " altered").isNull();
        }
        for (int length = 0; length < ticket.length; length++) {
            assertThat(keys.open(Arrays.copyOf(ticket, length), T0)).as(length + " bytes").isNull();
        }
    }

    @Test
    void anotherInstancesTicketDoesNotOpen() {
        assertThat(TicketKeys.random().open(seal(TicketKeys.random(), T0), T0)).isNull();
    }

    @Test
    void aRotatedKeyOpensItsTicketsUntilTheLastExpiresThenIsDropped() {
        TicketKeys keys = TicketKeys.rotating(Duration.ofHours(1));
        byte[] old = seal(keys, T0);
        byte[] rotated = seal(keys, T0.plus(Duration.ofMinutes(61)));
        assertThat(Arrays.copyOfRange(rotated, 1, 17)).isNotEqualTo(Arrays.copyOfRange(old, 1, 17));

        assertThat(keys.open(old, T0.plus(Duration.ofMinutes(119)))).isEqualTo(STATE);
        seal(keys, T0.plus(Duration.ofMinutes(121)));
        assertThat(keys.open(old, T0.plus(Duration.ofMinutes(121)))).as("dropped").isNull();
        assertThat(keys.open(rotated, T0.plus(Duration.ofMinutes(121)))).isEqualTo(STATE);
    }

    @Test
    void fixedKeysSealWithTheFirstAndOpenWithAny() {
        byte[] a = random();
        byte[] b = random();
        byte[] sealedByB = seal(TicketKeys.of(List.of(b)), T0);
        TicketKeys both = TicketKeys.of(List.of(a, b));

        assertThat(both.open(sealedByB, T0.plus(Duration.ofDays(30)))).isEqualTo(STATE);
        assertThat(TicketKeys.of(List.of(b)).open(seal(both, T0), T0)).as("sealed by a").isNull();
        assertThat(TicketKeys.of(List.of(a)).open(seal(both, T0), T0)).isEqualTo(STATE);
    }

    @Test
    void wrongKeySettingsAreTypedConfigurationErrors() {
        assertProblem(() -> TicketKeys.rotating(Duration.ofSeconds(59)), ConfigurationProblem.OUT_OF_RANGE);
        assertProblem(() -> TicketKeys.rotating(Duration.ofDays(8)), ConfigurationProblem.OUT_OF_RANGE);
        assertProblem(() -> TicketKeys.of(List.of()), ConfigurationProblem.EMPTY);
        assertProblem(() -> TicketKeys.of(List.of(new byte[16])), ConfigurationProblem.OUT_OF_RANGE);
        byte[] key = random();
        assertProblem(() -> TicketKeys.of(List.of(key, key.clone())), ConfigurationProblem.DUPLICATE);
    }

    private static void assertProblem(Runnable action, ConfigurationProblem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
            assertThat(e.option()).isEqualTo(ConfigurationOption.SESSION_TICKET_KEYS);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
