package io.siotls.samples.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring MVC on embedded Tomcat serving HTTPS with mutual TLS and HTTP/2 on siotls. */
@SpringBootApplication
public class MvcSampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(MvcSampleApplication.class, args);
    }
}
