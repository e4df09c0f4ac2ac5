package io.siotls.keyschedule;

import java.util.Arrays;

/**
 * One secret of the key schedule (RFC 8446 §7.1), usable until it is consumed: deriving the
 * next phase zeroes it, and any later use fails.
 */
abstract class Secret {

    final KeySchedule schedule;
    private final byte[] secret;
    private boolean consumed;

    Secret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /** The secret's bytes; refused once it was consumed. */
    final byte[] bytes() {
        if (consumed) {
            throw new IllegalStateException(name() + " was consumed by the next phase of the key schedule");
        }
        return secret;
    }

    /** Zeroes the secret: from now on it cannot be used. */
    final void consume() {
        Arrays.fill(secret, (byte) 0);
        consumed = true;
    }

    /** The array itself, zeroed once consumed; for known-answer tests. */
    final byte[] raw() {
        return secret;
    }

    abstract String name();
}
