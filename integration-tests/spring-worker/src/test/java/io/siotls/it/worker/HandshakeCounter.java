package io.siotls.it.worker;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/** The handshakes a siotls context completes from now on: proof that the siotls engine, not the JDK's, ran them. */
final class HandshakeCounter implements HandshakeListener {

    private final List<HandshakeEvent> completed = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> failed = new CopyOnWriteArrayList<>();

    /** Listens to {@code context}, which must be a siotls one. */
    static HandshakeCounter attach(SSLContext context) {
        HandshakeCounter counter = new HandshakeCounter();
        ((SiotlsSSLContext) context).addHandshakeListener(counter);
        return counter;
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        completed.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        failed.add(event);
    }

    List<HandshakeEvent> completed() {
        return List.copyOf(completed);
    }

    List<HandshakeEvent> failed() {
        return List.copyOf(failed);
    }
}
