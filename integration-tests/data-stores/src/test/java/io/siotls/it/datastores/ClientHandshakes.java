package io.siotls.it.datastores;

import io.siotls.it.support.HandshakeRecorder;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the handshakes of the application's siotls client context from the moment the context
 * bean is made, before any driver can use it: a driver that connects while the application starts
 * is not missed.
 */
final class ClientHandshakes implements BeanPostProcessor {

    private final HandshakeRecorder recorder = new HandshakeRecorder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT.equals(beanName)) {
            recorder.listenTo((SSLContext) bean);
        }
        return bean;
    }

    List<HandshakeEvent> events() {
        return recorder.all();
    }
}
