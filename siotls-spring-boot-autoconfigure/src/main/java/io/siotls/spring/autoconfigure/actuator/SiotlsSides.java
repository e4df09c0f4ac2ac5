package io.siotls.spring.autoconfigure.actuator;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.CurrentConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;

/** The sides the application has siotls contexts for, each with the configuration its new connections get. */
final class SiotlsSides {

    private final BeanFactory beans;

    SiotlsSides(BeanFactory beans) {
        this.beans = beans;
    }

    /** Each configured side's SSLContext, server first. */
    Map<Side, SSLContext> contexts() {
        Map<Side, SSLContext> contexts = new LinkedHashMap<>();
        if (beans.containsBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)) {
            contexts.put(Side.SERVER, beans.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class));
        }
        if (beans.containsBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)) {
            contexts.put(Side.CLIENT, beans.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class));
        }
        return contexts;
    }

    /** Each configured side's current configuration, server first. */
    Map<Side, TLSConfiguration> configurations() {
        Map<Side, TLSConfiguration> configurations = new LinkedHashMap<>();
        contexts().forEach((side, context) -> {
            String bean = side == Side.SERVER ? SiotlsAutoConfiguration.SERVER_CONFIGURATION
                    : SiotlsAutoConfiguration.CLIENT_CONFIGURATION;
            Supplier<TLSConfiguration> current = CurrentConfiguration.of(() -> context,
                    () -> beans.getBean(bean, TLSConfiguration.class), side);
            configurations.put(side, current.get());
        });
        return configurations;
    }

    /** {@code server} or {@code client}, as the details name the sides. */
    static String name(Side side) {
        return side == Side.SERVER ? "server" : "client";
    }
}
