package io.siotls.spring.autoconfigure;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;

/** Records every handshake a siotls context runs, completed or failed, to prove in a test that our engine served a connection. */
public final class HandshakeRecorder implements HandshakeListener {

    private final List<HandshakeEvent> events = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> completed = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> failed = new CopyOnWriteArrayList<>();

    private HandshakeRecorder() {
    }

    /** A recorder of the handshakes the context bean {@code name} runs from now on. */
    public static HandshakeRecorder attach(BeanFactory beans, String name) {
        return attach(beans.getBean(name, SSLContext.class));
    }

    /** A recorder of the handshakes {@code context} (a siotls one) runs from now on. */
    public static HandshakeRecorder attach(SSLContext context) {
        HandshakeRecorder recorder = new HandshakeRecorder();
        ((SiotlsSSLContext) context).addHandshakeListener(recorder);
        return recorder;
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        completed.add(event);
        events.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        failed.add(event);
        events.add(event);
    }

    /** Every handshake so far, completed and failed, in order: the live list, which later handshakes join and a test may clear. */
    public List<HandshakeEvent> events() {
        return events;
    }

    /** The handshakes completed so far. */
    public List<HandshakeEvent> completed() {
        return List.copyOf(completed);
    }

    /** The handshakes failed so far. */
    public List<HandshakeEvent> failed() {
        return List.copyOf(failed);
    }
}
