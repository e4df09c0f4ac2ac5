package io.siotls.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** WebFlux on Reactor Netty serving HTTPS with mutual TLS and HTTP/2 on siotls. */
@SpringBootApplication
public class WebFluxSampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxSampleApplication.class, args);
    }
}
