package io.siotls.samples.mvc;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Greets the client by the subject of its certificate, with what the connection negotiated. */
@RestController
class HelloController {

    @GetMapping("/")
    String hello(HttpServletRequest request) {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        String client = chain == null ? "anonymous client" : chain[0].getSubjectX500Principal().getName();
        return "Hello " + client + ": " + request.getProtocol() + " over TLS 1.3 ("
                + request.getAttribute("jakarta.servlet.request.cipher_suite") + ") on siotls\n";
    }
}
