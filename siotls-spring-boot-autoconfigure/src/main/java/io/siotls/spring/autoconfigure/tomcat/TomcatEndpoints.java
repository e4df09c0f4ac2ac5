package io.siotls.spring.autoconfigure.tomcat;

import java.lang.reflect.Method;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;

/**
 * A connector's endpoint, which holds its open connections ({@link AbstractEndpoint#getConnections()},
 * each with its socket and engine): Tomcat keeps the protocol's getter of it protected, so it is
 * called by reflection. The endpoint is made with the protocol handler and lives as long as it.
 */
final class TomcatEndpoints {

    private TomcatEndpoints() {
    }

    /** The endpoint of {@code connector}, whose protocol handler must be an {@link AbstractProtocol}. */
    static AbstractEndpoint<?, ?> of(Connector connector) {
        try {
            Method getter = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
            getter.setAccessible(true);
            return (AbstractEndpoint<?, ?>) getter.invoke(connector.getProtocolHandler());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the endpoint of Tomcat's connector " + connector, e);
        }
    }
}
