package io.siotls.it.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A worker: a Spring Boot application without a web server (spring-boot-starter, JDBC and the
 * siotls starter) whose only TLS is as a client, to its database and to the servers it calls
 * with an SSL bundle.
 */
@SpringBootApplication
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
