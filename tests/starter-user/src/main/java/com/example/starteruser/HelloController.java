package com.example.starteruser;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Greets the client by the subject of the certificate it authenticated with. */
@RestController
class HelloController {

    @GetMapping("/hello")
    String hello(HttpServletRequest request) {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        return "Hello " + (chain == null ? "anonymous" : chain[0].getSubjectX500Principal().getName());
    }
}
