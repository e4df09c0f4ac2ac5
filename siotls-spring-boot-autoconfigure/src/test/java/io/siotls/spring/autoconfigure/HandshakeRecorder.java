package io.siotls.spring.autoconfigure;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;

/** Records every handshake a siotls context runs, to prove in a test that our engine served a connection. */
public final class HandshakeRecorder implements HandshakeListener {

    private final List<HandshakeEvent> events = new CopyOnWriteArrayList<>();

    private HandshakeRecorder() {
    }

    /** The events of the handshakes the context bean {@code name} runs from now on, completed and failed. */
    public static List<HandshakeEvent> attach(BeanFactory beans, String name) {
        return attach(beans.getBean(name, SSLContext.class));
    }

    /** The events of the handshakes {@code context} (a siotls one) runs from now on, completed and failed. */
    public static List<HandshakeEvent> attach(SSLContext context) {
        HandshakeRecorder recorder = new HandshakeRecorder();
        ((SiotlsSSLContext) context).addHandshakeListener(recorder);
        return recorder.events;
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        events.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        events.add(event);
    }
}
