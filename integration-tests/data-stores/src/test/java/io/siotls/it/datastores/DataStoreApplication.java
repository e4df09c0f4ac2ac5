package io.siotls.it.datastores;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application with Boot's auto-configuration only, and a recorder of its siotls client handshakes. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class DataStoreApplication {

    /** The auto-configurations of the drivers this module holds, to exclude all but the one tested. */
    static final String MONGODB_SYNC = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration";
    static final String MONGODB_REACTIVE = "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration";
    static final String MONGODB = MONGODB_SYNC + "," + MONGODB_REACTIVE;
    static final String CASSANDRA = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration";
    static final String COUCHBASE = "org.springframework.boot.couchbase.autoconfigure.CouchbaseAutoConfiguration";
    /** Until the non-web back-off of issue 18 (branch spring-clients) is merged. */
    static final String DEVELOPMENT_CERTIFICATES =
            "io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificatesAutoConfiguration";

    @Bean
    static ClientHandshakes clientHandshakes() {
        return new ClientHandshakes();
    }

    /** The application, without a web server, with {@code properties} and all drivers but one excluded. */
    static ConfigurableApplicationContext run(String excluded, String... properties) {
        return new SpringApplicationBuilder(DataStoreApplication.class).web(WebApplicationType.NONE)
                .properties(properties).properties("spring.autoconfigure.exclude=" + excluded + ","
                        + DEVELOPMENT_CERTIFICATES)
                .run();
    }
}
