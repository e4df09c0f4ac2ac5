package io.siotls.integration.dataclients;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** A worker application: no web server, Boot's data and messaging clients on the siotls-client bundle. */
@SpringBootApplication(proxyBeanMethods = false)
public class DataClientsApplication {

    @Bean
    ClientHandshakes clientHandshakes(BeanFactory beans) {
        return new ClientHandshakes(beans);
    }

    /** Starts the application with {@code properties} ({@code name=value}) and no web server. */
    public static ConfigurableApplicationContext start(String... properties) {
        return start(List.of(), properties);
    }

    /** As {@link #start(String...)}, with the configuration classes {@code extra} as well. */
    public static ConfigurableApplicationContext start(List<Class<?>> extra, String... properties) {
        List<Class<?>> sources = new ArrayList<>(List.of(DataClientsApplication.class));
        sources.addAll(extra);
        SpringApplication application = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE).properties(properties).build();
        return application.run();
    }
}
