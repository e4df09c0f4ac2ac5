package io.siotls.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The 0-RTT strike register (RFC 8446 §8.1): each ticket once, bounded memory, full means refused. */
class EarlyDataReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTicketOpensItsEarlyDataOnceWithinTheRetention() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(10, Duration.ofSeconds(20));
        byte[] ticket = {1, 2, 3};

        assertThat(guard.firstUse(ticket, NOW)).isTrue();
        assertThat(guard.firstUse(ticket.clone(), NOW.plusSeconds(19))).as("a replay").isFalse();
        assertThat(guard.firstUse(new byte[] {1, 2, 4}, NOW)).as("another ticket").isTrue();
    }

    @Test
    void anEntryIsDroppedOnceItsRetentionPassed() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(10, Duration.ofSeconds(20));
        guard.firstUse(new byte[] {9}, NOW);
        assertThat(guard.firstUse(new byte[] {8}, NOW.plusSeconds(20))).isTrue();
        assertThat(guard.size()).as("the first expired and was purged").isEqualTo(1);
    }

    @Test
    void aFullRegisterRefusesEarlyDataRatherThanForget() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(2, Duration.ofSeconds(20));
        assertThat(guard.firstUse(new byte[] {1}, NOW)).isTrue();
        assertThat(guard.firstUse(new byte[] {2}, NOW)).isTrue();

        assertThat(guard.firstUse(new byte[] {3}, NOW.plusSeconds(1))).isFalse();
        assertThat(guard.firstUse(new byte[] {1}, NOW.plusSeconds(1))).as("still remembered").isFalse();
        assertThat(guard.firstUse(new byte[] {3}, NOW.plusSeconds(20))).as("room again once expired").isTrue();
    }

    @Test
    void itsBoundsArePositive() {
        assertThatThrownBy(() -> new EarlyDataReplayGuard(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarlyDataReplayGuard(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
