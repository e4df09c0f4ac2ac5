package io.siotls.integration.dataclients;

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
        SpringApplication application = new SpringApplicationBuilder(DataClientsApplication.class)
                .web(WebApplicationType.NONE).properties(properties).build();
        return application.run();
    }
}
