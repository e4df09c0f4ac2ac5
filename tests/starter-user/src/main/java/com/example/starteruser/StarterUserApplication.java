package com.example.starteruser;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring MVC application whose HTTPS, mutual TLS included, is configured in application.yml only. */
@SpringBootApplication
public class StarterUserApplication {

    public static void main(String[] args) {
        SpringApplication.run(StarterUserApplication.class, args);
    }
}
