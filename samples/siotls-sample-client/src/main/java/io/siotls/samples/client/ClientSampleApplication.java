package io.siotls.samples.client;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls both samples, each with RestClient and with WebClient as Boot builds them: the TLS 1.3
 * connections, client certificate included, run on siotls from the siotls.client properties.
 */
@SpringBootApplication
public class ClientSampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClientSampleApplication.class, args);
    }

    @Bean
    ApplicationRunner callBothSamples(RestClient.Builder restClients, WebClient.Builder webClients,
            @Value("${sample.mvc-url}") String mvcUrl, @Value("${sample.webflux-url}") String webfluxUrl) {
        return arguments -> {
            RestClient rest = restClients.build();
            WebClient web = webClients.build();
            for (String url : new String[] {mvcUrl, webfluxUrl}) {
                System.out.print("RestClient " + url + " -> " + rest.get().uri(url).retrieve().body(String.class));
                System.out.print("WebClient  " + url + " -> "
                        + web.get().uri(url).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)));
            }
        };
    }
}
