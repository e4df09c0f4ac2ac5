package io.siotls.jsse;

import io.siotls.ClientSessionCache;
import io.siotls.LruClientSessionCache;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The session context of an SSLContext. The client's holds the sessions its engines resume
 * (RFC 8446 §4.6.1), in an {@link LruClientSessionCache} that {@link #setSessionCacheSize} and
 * {@link #setSessionTimeout} change (SunJSSE's defaults: 20,480 sessions, 24 hours; 0 for no
 * limit). TLS 1.3 sessions are tickets, not ids: {@link #getIds} lists none. A server's tickets
 * are stateless (sealed by its configuration's ticket keys), so the server's context holds nothing.
 */
final class SessionContext implements SSLSessionContext {

    private static final int DEFAULT_TIMEOUT_SECONDS = 86_400;
    private static final int DEFAULT_CLIENT_CACHE_SIZE = 20_480;

    private final LruClientSessionCache cache;
    private volatile int timeout = DEFAULT_TIMEOUT_SECONDS;
    private volatile int cacheSize;

    private SessionContext(LruClientSessionCache cache, int cacheSize) {
        this.cache = cache;
        this.cacheSize = cacheSize;
    }

    /** The client session context: a cache of resumable sessions. */
    static SessionContext forClients() {
        return new SessionContext(new LruClientSessionCache(DEFAULT_CLIENT_CACHE_SIZE,
                Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS)), DEFAULT_CLIENT_CACHE_SIZE);
    }

    /** The server session context, which holds nothing. */
    static SessionContext forServers() {
        return new SessionContext(null, 0);
    }

    /** The client's session cache; {@code null} on a server context. */
    ClientSessionCache cache() {
        return cache;
    }

    @Override
    public SSLSession getSession(byte[] sessionId) {
        return null;
    }

    @Override
    public Enumeration<byte[]> getIds() {
        return Collections.emptyEnumeration();
    }

    @Override
    public void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("session timeout must not be negative");
        }
        timeout = seconds;
        if (cache != null) {
            cache.timeout(Duration.ofSeconds(seconds));
        }
    }

    @Override
    public int getSessionTimeout() {
        return timeout;
    }

    @Override
    public void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("session cache size must not be negative");
        }
        cacheSize = size;
        if (cache != null) {
            cache.maxSize(size);
        }
    }

    @Override
    public int getSessionCacheSize() {
        return cacheSize;
    }
}
