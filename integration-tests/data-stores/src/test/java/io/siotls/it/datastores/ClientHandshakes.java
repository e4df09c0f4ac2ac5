package io.siotls.it.datastores;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the handshakes of the application's siotls client context from the moment the context
 * bean is made, before any driver can use it: a driver that connects while the application starts
 * is not missed.
 */
final class ClientHandshakes implements BeanPostProcessor, HandshakeListener {

    private final List<HandshakeEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT.equals(beanName)) {
            ((SiotlsSSLContext) bean).addHandshakeListener(this);
        }
        return bean;
    }

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        events.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        events.add(event);
    }

    List<HandshakeEvent> events() {
        return events;
    }
}
