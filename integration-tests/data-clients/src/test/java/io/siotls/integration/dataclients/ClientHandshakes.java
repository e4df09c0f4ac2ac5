package io.siotls.integration.dataclients;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Records the handshakes the siotls client context runs, from before any client connects: the
 * proof that a library's connection ran on our engine and not on the JDK's TLS.
 */
public final class ClientHandshakes implements HandshakeListener, SmartInitializingSingleton {

    private final BeanFactory beans;
    private final List<HandshakeEvent> completed = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> failed = new CopyOnWriteArrayList<>();

    public ClientHandshakes(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SSLContext context = beans.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
        ((SiotlsSSLContext) context).addHandshakeListener(this);
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        completed.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        failed.add(event);
    }

    /** The client handshakes completed so far. */
    public List<HandshakeEvent> completed() {
        return List.copyOf(completed);
    }

    /** The client handshakes failed so far. */
    public List<HandshakeEvent> failed() {
        return List.copyOf(failed);
    }
}
