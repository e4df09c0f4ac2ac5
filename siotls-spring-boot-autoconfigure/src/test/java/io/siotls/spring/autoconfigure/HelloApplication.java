package io.siotls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application for tests, servlet or reactive: Boot's auto-configuration and GET /hello answering hello. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(HelloApplication.HelloController.class)
public class HelloApplication {

    /** Answers hello. */
    @RestController
    static class HelloController {

        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
