package io.siotls.samples.webflux;

import java.security.cert.X509Certificate;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Greets the client by the subject of its certificate. */
@RestController
class HelloController {

    @GetMapping("/")
    Mono<String> hello(ServerHttpRequest request) {
        SslInfo ssl = request.getSslInfo();
        X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        String client = chain == null || chain.length == 0 ? "anonymous client"
                : chain[0].getSubjectX500Principal().getName();
        return Mono.just("Hello " + client + " from WebFlux over TLS 1.3 on siotls\n");
    }
}
