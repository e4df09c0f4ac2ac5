package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded client session cache: single use, newest first, size, per-peer bound, expiry and timeout. */
class LruClientSessionCacheTest {

    private static final TLSConfiguration CONFIG = TLSConfiguration.client().build();
    private static final SessionKey A = new SessionKey("a.test", 443, CONFIG);
    private static final SessionKey B = new SessionKey("b.test", 443, CONFIG);
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    /** A session as a cache sees it; {@code forgotten} tells whether it was zeroed. */
    private static final class Session implements ResumableSession {
        private final SessionKey key;
        private final Instant received;
        private final Duration lifetime;
        boolean forgotten;

        Session(SessionKey key, Instant received, Duration lifetime) {
            this.key = key;
            this.received = received;
            this.lifetime = lifetime;
        }

        @Override
        public SessionKey key() {
            return key;
        }

        @Override
        public CipherSuite cipherSuite() {
            return CipherSuite.TLS_AES_128_GCM_SHA256;
        }

        @Override
        public Instant received() {
            return received;
        }

        @Override
        public Instant expiry() {
            return received.plus(lifetime);
        }

        @Override
        public void forget() {
            forgotten = true;
        }
    }

    private static Session session(SessionKey key) {
        return new Session(key, NOW, Duration.ofHours(2));
    }

    @Test
    void aSessionIsTakenOnceNewestFirst() {
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        Session older = session(A);
        Session newer = session(A);
        cache.put(older);
        cache.put(newer);

        assertThat(cache.take(A, NOW, s -> true)).isSameAs(newer);
        assertThat(cache.take(A, NOW, s -> true)).isSameAs(older);
        assertThat(cache.take(A, NOW, s -> true)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keysDifferByHostPortAndConfigurationIdentity() {
        assertThat(new SessionKey("A.TEST", 443, CONFIG)).isEqualTo(A);
        assertThat(new SessionKey("a.test", 8443, CONFIG)).isNotEqualTo(A);
        assertThat(new SessionKey("a.test", 443, CONFIG.toBuilder().build())).isNotEqualTo(A);
        assertThat(new SessionKey("a.test", 443, CONFIG, "HTTPS")).isNotEqualTo(A);
    }

    @Test
    void aSessionRefusedByTheFilterStays() {
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        Session kept = session(A);
        cache.put(kept);
        assertThat(cache.take(A, NOW, s -> false)).isNull();
        assertThat(cache.take(A, NOW, s -> true)).isSameAs(kept);
    }

    @Test
    void aCacheOfOneKeepsOnlyTheNewestSessionAndForgetsTheOthers() {
        LruClientSessionCache cache = new LruClientSessionCache(1, Duration.ZERO);
        Session first = session(A);
        Session second = session(B);
        cache.put(first);
        cache.put(second);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(first.forgotten).isTrue();
        assertThat(cache.take(A, NOW, s -> true)).isNull();
        assertThat(cache.take(B, NOW, s -> true)).isSameAs(second);
    }

    @Test
    void thePeerUsedLeastRecentlyLosesItsOldestFirst() {
        LruClientSessionCache cache = new LruClientSessionCache(3, Duration.ZERO);
        Session a1 = session(A);
        Session a2 = session(A);
        Session b1 = session(B);
        cache.put(a1);
        cache.put(b1);
        cache.put(a2);
        Session b2 = session(B);
        cache.put(b2);

        assertThat(a1.forgotten).as("A was used before B's last put: its oldest goes").isTrue();
        assertThat(b1.forgotten).isFalse();
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.take(A, NOW, s -> true)).isSameAs(a2);
    }

    @Test
    void aPeerKeepsAtMostItsEightNewestSessions() {
        LruClientSessionCache cache = new LruClientSessionCache(0, Duration.ZERO);
        Session first = session(A);
        cache.put(first);
        for (int i = 0; i < LruClientSessionCache.MAX_PER_PEER; i++) {
            cache.put(session(A));
        }
        assertThat(cache.size()).isEqualTo(LruClientSessionCache.MAX_PER_PEER);
        assertThat(first.forgotten).isTrue();
    }

    @Test
    void shrinkingTheCacheDropsTheOldestAtOnce() {
        LruClientSessionCache cache = new LruClientSessionCache(0, Duration.ZERO);
        Session first = session(A);
        cache.put(first);
        cache.put(session(A));
        cache.maxSize(1);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(first.forgotten).isTrue();
    }

    @Test
    void anExpiredTicketIsNeverTakenAndIsForgotten() {
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        Session expired = session(A);
        cache.put(expired);
        assertThat(cache.take(A, NOW.plus(Duration.ofHours(2)), s -> true)).isNull();
        assertThat(expired.forgotten).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theTimeoutEndsASessionBeforeItsTicketExpires() {
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ofMinutes(10));
        cache.put(session(A));
        cache.put(session(A));
        assertThat(cache.take(A, NOW.plus(Duration.ofMinutes(9)), s -> true)).isNotNull();
        assertThat(cache.take(A, NOW.plus(Duration.ofMinutes(10)), s -> true)).isNull();
    }

    @Test
    void removeDropsEverySessionOfThePeer() {
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        Session a = session(A);
        cache.put(a);
        cache.put(session(A));
        cache.put(session(B));
        cache.remove(A);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(a.forgotten).isTrue();
        assertThat(cache.take(A, NOW, s -> true)).isNull();
        assertThat(cache.take(B, NOW, s -> true)).isNotNull();
    }
}
