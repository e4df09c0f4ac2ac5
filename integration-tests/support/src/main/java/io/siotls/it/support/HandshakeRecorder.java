package io.siotls.it.support;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * The handshakes a siotls context runs once this listens to it, completed and failed: the proof
 * that a library's connection ran on the siotls engine, not on the JDK's TLS.
 */
public final class HandshakeRecorder implements HandshakeListener {

    private final List<HandshakeEvent> all = new CopyOnWriteArrayList<>();

    /** A recorder listening to {@code context} from now on; it must be a siotls context. */
    public static HandshakeRecorder attach(SSLContext context) {
        HandshakeRecorder recorder = new HandshakeRecorder();
        recorder.listenTo(context);
        return recorder;
    }

    /** Listens to {@code context} too, which must be a siotls context. */
    public void listenTo(SSLContext context) {
        if (!(context instanceof SiotlsSSLContext siotls)) {
            throw new IllegalArgumentException("not a siotls SSLContext: " + context.getProvider().getName());
        }
        siotls.addHandshakeListener(this);
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        all.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        all.add(event);
    }

    /** Forgets what was recorded so far, so that each test sees its own handshakes. */
    public void clear() {
        all.clear();
    }

    /** Every handshake recorded so far, completed or failed, in the order they ended. */
    public List<HandshakeEvent> all() {
        return List.copyOf(all);
    }

    /** The handshakes completed so far. */
    public List<HandshakeEvent> completed() {
        return all.stream().filter(HandshakeEvent::succeeded).toList();
    }

    /** The handshakes failed so far. */
    public List<HandshakeEvent> failed() {
        return all.stream().filter(event -> !event.succeeded()).toList();
    }
}
