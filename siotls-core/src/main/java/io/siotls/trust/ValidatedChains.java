package io.siotls.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer chains one {@link ChainVerifier} has validated, so that a chain presented again skips
 * PKIX path building (RFC 5280 §6), the dominant cost of a full handshake. A chain is remembered
 * only after its whole verification succeeded, keyed by the exact DER encodings of the presented
 * certificates in their order and by the purpose; it is served again only while the time checked
 * lies within the validity periods of every certificate of the path PKIX built (latest notBefore
 * to earliest notAfter), so expiry is never postponed. Failures are never remembered. The least
 * recently used chain is dropped beyond {@code capacity}. Thread safe.
 */
final class ValidatedChains {

    /** Enough for the servers (or client CAs) one application talks to; each entry holds its chain's DER. */
    static final int DEFAULT_CAPACITY = 256;

    private final Map<Key, Window> chains;
    private long hits;

    ValidatedChains(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the validated chain cache needs a capacity of at least 1, not " + capacity);
        }
        this.chains = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Whether {@code chain} was validated for {@code purpose} and every certificate of its path is
     * still valid at {@code now}; a remembered chain no longer valid at {@code now} is forgotten.
     */
    boolean isValidated(List<X509Certificate> chain, Purpose purpose, Instant now) {
        Key key = Key.of(chain, purpose);
        if (key == null) {
            return false;
        }
        synchronized (chains) {
            Window window = chains.get(key);
            if (window == null) {
                return false;
            }
            if (!window.contains(now)) {
                chains.remove(key);
                return false;
            }
            hits++;
            return true;
        }
    }

    /** Remembers that {@code chain} was validated for {@code purpose} through {@code path} (leaf first, anchor excluded). */
    void remember(List<X509Certificate> chain, Purpose purpose, List<X509Certificate> path) {
        Key key = Key.of(chain, purpose);
        if (key == null || path.isEmpty()) {
            return;
        }
        Window window = Window.of(path);
        synchronized (chains) {
            chains.put(key, window);
        }
    }

    /** How many chains are remembered. */
    int size() {
        synchronized (chains) {
            return chains.size();
        }
    }

    /** How many verifications were answered from the remembered chains. */
    long hits() {
        synchronized (chains) {
            return hits;
        }
    }

    /** The presented certificates' DER encodings in order, and the purpose. */
    private static final class Key {

        private final Purpose purpose;
        private final byte[][] encodings;
        private final int hash;

        private Key(Purpose purpose, byte[][] encodings) {
            this.purpose = purpose;
            this.encodings = encodings;
            this.hash = 31 * purpose.hashCode() + Arrays.deepHashCode(encodings);
        }

        /** The key of {@code chain}, or null when a certificate cannot give its encoding (then it is not cached). */
        static Key of(List<X509Certificate> chain, Purpose purpose) {
            byte[][] encodings = new byte[chain.size()][];
            try {
                for (int i = 0; i < encodings.length; i++) {
                    encodings[i] = chain.get(i).getEncoded();
                }
            } catch (CertificateEncodingException | RuntimeException e) {
                return null;
            }
            return new Key(purpose, encodings);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && purpose == key.purpose
                    && Arrays.deepEquals(encodings, key.encodings);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The instants at which every certificate of a path is valid, bounds included (RFC 5280 §4.1.2.5). */
    private static final class Window {

        private final Instant notBefore;
        private final Instant notAfter;

        private Window(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
        }

        static Window of(List<X509Certificate> path) {
            Instant latestNotBefore = Instant.MIN;
            Instant earliestNotAfter = Instant.MAX;
            for (X509Certificate certificate : path) {
                Instant notBefore = certificate.getNotBefore().toInstant();
                Instant notAfter = certificate.getNotAfter().toInstant();
                latestNotBefore = notBefore.isAfter(latestNotBefore) ? notBefore : latestNotBefore;
                earliestNotAfter = notAfter.isBefore(earliestNotAfter) ? notAfter : earliestNotAfter;
            }
            return new Window(latestNotBefore, earliestNotAfter);
        }

        boolean contains(Instant now) {
            return !now.isBefore(notBefore) && !now.isAfter(notAfter);
        }
    }
}
