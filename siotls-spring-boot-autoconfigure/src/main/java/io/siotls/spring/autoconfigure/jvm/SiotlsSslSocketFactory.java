package io.siotls.spring.autoconfigure.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * An {@link SSLSocketFactory} for libraries that take one by class name, such as PgJDBC's
 * {@code sslfactory}: its sockets come from an SSL bundle of the running Spring Boot application
 * ({@link ApplicationSslBundles}), {@code siotls-client} unless the library passes another
 * bundle's name, e.g. {@code sslfactoryarg=siotls-db} for the named client {@code siotls.clients.db}.
 * The library's TLS then runs on siotls with that bundle's key and trust material.
 * <p>
 * Its limits: it works only once the application has started, in the application's class loader;
 * with several applications in one class loader, the one started last is used; options the
 * library applies to the socket (its own protocol list, its own key files) are not siotls's, and
 * a library that verifies host names itself does so on top of siotls's verification.
 */
public class SiotlsSslSocketFactory extends SSLSocketFactory {

    /** The bundle used when none is named. */
    public static final String DEFAULT_BUNDLE = "siotls-client";

    /** The property of a library's {@link Properties} naming the bundle (PgJDBC's). */
    public static final String BUNDLE_ARGUMENT = "sslfactoryarg";

    private final String bundle;
    private final SSLSocketFactory delegate;

    /** Sockets of the bundle {@value #DEFAULT_BUNDLE}. */
    public SiotlsSslSocketFactory() {
        this((String) null);
    }

    /**
     * Sockets of the bundle named by {@code info}'s {@value #BUNDLE_ARGUMENT}, else {@value #DEFAULT_BUNDLE}:
     * what PgJDBC passes the factory it instantiates.
     */
    public SiotlsSslSocketFactory(Properties info) {
        this(info == null ? null : info.getProperty(BUNDLE_ARGUMENT));
    }

    /**
     * Sockets of the bundle {@code bundle}, or of {@value #DEFAULT_BUNDLE} when it is null or blank.
     *
     * @throws IllegalStateException when the application is not running, or has no such bundle
     */
    public SiotlsSslSocketFactory(String bundle) {
        this.bundle = bundle == null || bundle.isBlank() ? DEFAULT_BUNDLE : bundle.strip();
        SslBundles bundles = ApplicationSslBundles.current();
        try {
            this.delegate = bundles.getBundle(this.bundle).createSslContext().getSocketFactory();
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException(getClass().getSimpleName() + ": there is no SSL bundle named '" + this.bundle
                    + "' (bundles: " + bundles.getBundleNames() + "); name one with " + BUNDLE_ARGUMENT, e);
        }
    }

    /** The name of the bundle the sockets come from. */
    public String bundle() {
        return bundle;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
