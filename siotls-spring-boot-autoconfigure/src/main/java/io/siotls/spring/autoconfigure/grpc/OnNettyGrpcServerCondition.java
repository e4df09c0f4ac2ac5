package io.siotls.spring.autoconfigure.grpc;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;

/**
 * Spring Boot serves gRPC from its Netty server factory, not from a servlet: the application is
 * not a servlet one, or has no gRPC servlet, or turned it off. A servlet serves gRPC over the web
 * server's TLS, which the Tomcat integration already puts on siotls.
 */
class OnNettyGrpcServerCondition extends AnyNestedCondition {

    OnNettyGrpcServerCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnNotWebApplication
    static class NotServlet {
    }

    @ConditionalOnMissingClass("io.grpc.servlet.jakarta.GrpcServlet")
    static class NoGrpcServlet {
    }

    @ConditionalOnBooleanProperty(name = "spring.grpc.server.servlet.enabled", havingValue = false)
    static class ServletOff {
    }
}
