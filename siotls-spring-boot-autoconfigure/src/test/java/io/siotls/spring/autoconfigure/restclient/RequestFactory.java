package io.siotls.spring.autoconfigure.restclient;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/** The request factories Boot can pick, each by its {@code spring.http.clients.imperative.factory} value. */
enum RequestFactory {
    JDK("jdk", JdkClientHttpRequestFactory.class),
    REACTOR("reactor", ReactorClientHttpRequestFactory.class),
    HTTP_COMPONENTS("http-components", HttpComponentsClientHttpRequestFactory.class),
    JETTY("jetty", JettyClientHttpRequestFactory.class);

    private final String property;
    private final Class<? extends ClientHttpRequestFactory> type;

    RequestFactory(String property, Class<? extends ClientHttpRequestFactory> type) {
        this.property = property;
        this.type = type;
    }

    /** The property that makes Boot pick this factory. */
    String chosen() {
        return "spring.http.clients.imperative.factory=" + property;
    }

    Class<? extends ClientHttpRequestFactory> type() {
        return type;
    }
}
