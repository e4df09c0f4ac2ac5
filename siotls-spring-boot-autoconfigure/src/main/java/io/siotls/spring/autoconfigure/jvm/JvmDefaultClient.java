package io.siotls.spring.autoconfigure.jvm;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@code siotls.jvm-default-client=true}: the siotls client context becomes the JVM's default
 * ({@link SSLContext#setDefault}) and {@link HttpsURLConnection}'s default socket factory, for
 * libraries that take no SSL bundle; the previous defaults come back when the application closes.
 * Warns at startup, naming what changes.
 */
final class JvmDefaultClient implements DisposableBean {

    private static final Log LOG = LogFactory.getLog(JvmDefaultClient.class);

    private final SSLContext context;
    private final SSLContext previous;
    private final SSLSocketFactory previousHttps;
    private final SSLSocketFactory https;

    JvmDefaultClient(SSLContext context) throws NoSuchAlgorithmException {
        this.context = context;
        this.previous = SSLContext.getDefault();
        this.previousHttps = HttpsURLConnection.getDefaultSSLSocketFactory();
        this.https = context.getSocketFactory();
        SSLContext.setDefault(context);
        HttpsURLConnection.setDefaultSSLSocketFactory(https);
        LOG.warn("siotls.jvm-default-client is true: the siotls client context is now the JVM's default SSLContext "
                + "(SSLContext.getDefault(), SSLSocketFactory.getDefault(), HttpsURLConnection). Every library using "
                + "the default context (JDBC drivers, SDKs, java.net.http clients without a context of their own) "
                + "now speaks TLS 1.3 only, on siotls, with siotls.client's key and trust material: servers that "
                + "only speak TLS 1.2 or older will refuse these connections.");
    }

    /** Puts the previous defaults back, unless something else replaced ours since. */
    @Override
    public void destroy() throws NoSuchAlgorithmException {
        if (SSLContext.getDefault() == context) {
            SSLContext.setDefault(previous);
        }
        if (HttpsURLConnection.getDefaultSSLSocketFactory() == https) {
            HttpsURLConnection.setDefaultSSLSocketFactory(previousHttps);
        }
    }
}
