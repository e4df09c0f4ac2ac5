package io.siotls.integration.dataclients;

import io.siotls.it.support.HandshakeRecorder;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Records the handshakes the siotls client context runs, from before any client connects: the
 * proof that a library's connection ran on our engine and not on the JDK's TLS.
 */
public final class ClientHandshakes implements SmartInitializingSingleton {

    private final BeanFactory beans;
    private final HandshakeRecorder recorder = new HandshakeRecorder();

    public ClientHandshakes(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        recorder.listenTo(beans.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class));
    }

    /** The client handshakes completed so far. */
    public List<HandshakeEvent> completed() {
        return recorder.completed();
    }

    /** The client handshakes failed so far. */
    public List<HandshakeEvent> failed() {
        return recorder.failed();
    }
}
