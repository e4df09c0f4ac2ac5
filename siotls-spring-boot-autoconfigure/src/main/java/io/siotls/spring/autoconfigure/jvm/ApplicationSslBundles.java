package io.siotls.spring.autoconfigure.jvm;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.SslBundles;

/**
 * The running application's SSL bundles, for what a library instantiates by class name and so
 * cannot be given a bean: {@link SiotlsSslSocketFactory}. One application per class loader: the
 * one started last is the one found, and it is forgotten when it closes.
 */
public final class ApplicationSslBundles implements DisposableBean {

    private static volatile SslBundles current;

    private final SslBundles bundles;

    ApplicationSslBundles(SslBundles bundles) {
        this.bundles = bundles;
        current = bundles;
    }

    /**
     * The SSL bundles of the running application.
     *
     * @throws IllegalStateException when no application with the siotls starter is running in
     *         this class loader (the factory was used before Spring Boot started, or after it stopped)
     */
    static SslBundles current() {
        SslBundles known = current;
        if (known == null) {
            throw new IllegalStateException("no Spring Boot application with the siotls starter is running: "
                    + SiotlsSslSocketFactory.class.getName() + " takes its SSL bundle from the running application, "
                    + "so connections must be made after it has started");
        }
        return known;
    }

    @Override
    public void destroy() {
        if (current == bundles) {
            current = null;
        }
    }
}
