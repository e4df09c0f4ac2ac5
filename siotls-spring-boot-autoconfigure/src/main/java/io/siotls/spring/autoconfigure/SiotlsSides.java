package io.siotls.spring.autoconfigure;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;

/**
 * The sides the application has siotls contexts for, each with the configuration its new
 * connections get, and the named clients: what the actuator's health, info and metrics and the
 * handshake failure log look up.
 */
public final class SiotlsSides {

    private final BeanFactory beans;

    /**
     * @param beans where the {@link SiotlsAutoConfiguration#SERVER_SSL_CONTEXT} and
     *        {@link SiotlsAutoConfiguration#CLIENT_SSL_CONTEXT} beans are looked up, on each call
     */
    public SiotlsSides(BeanFactory beans) {
        this.beans = beans;
    }

    /** Each configured side's SSLContext, server first. */
    public Map<Side, SSLContext> contexts() {
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
    public Map<Side, TLSConfiguration> configurations() {
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

    /** The named clients {@code siotls.clients.<name>} by name; none without the bean. */
    public Map<String, SiotlsNamedClients.NamedClient> namedClients() {
        if (!beans.containsBean(SiotlsNamedClients.BEAN)) {
            return Map.of();
        }
        return beans.getBean(SiotlsNamedClients.BEAN, SiotlsNamedClients.class).all();
    }

    /** {@code server} or {@code client}, as the actuator's details and the logs name the sides. */
    public static String name(Side side) {
        return side == Side.SERVER ? "server" : "client";
    }
}
