package io.siotls.benchmarks;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCounted;
import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.iana.NamedGroup;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Client and server engines of one implementation holding the same test certificates, so that
 * every implementation does the same cryptographic work. Engines made without a peer host
 * ({@link #newClient()}) cannot resume a session: every handshake is a full one. Client engines
 * made for a peer ({@link #newClient(String, int)}) resume the sessions of that peer.
 */
abstract class Contexts {

    private static final BouncyCastleJsseProvider BC_JSSE = new BouncyCastleJsseProvider();

    /** The classic group every implementation is measured with. */
    static final String X25519 = "x25519";

    /** BouncyCastle's JSSE logs two INFO lines per handshake; what is measured is TLS, not logging. */
    private static final Logger BC_JSSE_LOG = quiet(Logger.getLogger("org.bouncycastle.jsse"));

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    final boolean mutual;

    private Contexts(boolean mutual) {
        this.mutual = mutual;
    }

    /** A new client engine. */
    abstract SSLEngine newClient();

    /**
     * A new client engine for the peer {@code host} and {@code port}: the engines of one context
     * given the same peer resume its sessions, when the implementation resumes at all.
     */
    abstract SSLEngine newClient(String host, int port);

    /** A new server engine. */
    abstract SSLEngine newServer();

    /** Frees what an engine holds outside the heap (BoringSSL's native state); nothing for the others. */
    void release(SSLEngine engine) {
    }

    /** Whether {@code implementation} can run here: BoringSSL needs its native library. */
    static boolean available(Implementation implementation) {
        return implementation != Implementation.BORINGSSL || OpenSsl.isAvailable();
    }

    /** Engines agreeing on x25519, every implementation's classic choice. */
    static Contexts of(Implementation implementation, KeyType keyType, boolean mutual) {
        return of(implementation, keyType, mutual, X25519);
    }

    /**
     * @param keyType the server's (and, with {@code mutual}, the client's) key type
     * @param mutual whether the server requires a client certificate
     * @param group the one group both engines offer, by IANA name: x25519 anywhere, X25519MLKEM768
     *        with siotls and BoringSSL (SunJSSE up to JDK 25 has no hybrid; BouncyCastle's JSSE has
     *        no ML-KEM on the JDK's providers before JDK 24)
     */
    static Contexts of(Implementation implementation, KeyType keyType, boolean mutual, String group) {
        if (!X25519.equals(group) && (implementation == Implementation.SUNJSSE
                || implementation == Implementation.BCJSSE)) {
            throw new IllegalArgumentException(implementation + " is measured with x25519 only, not " + group);
        }
        Identity server = TestPki.server(keyType);
        Identity client = TestPki.client(keyType);
        try {
            return switch (implementation) {
                case SIOTLS -> siotls(server, client, mutual, NamedGroup.fromName(group));
                case SUNJSSE -> sunJsse(server, client, mutual);
                case BCJSSE -> bcJsse(server, client, mutual);
                case BORINGSSL -> boringSsl(server, client, mutual, group);
            };
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the " + implementation + " engines", e);
        }
    }

    private static Contexts siotls(Identity server, Identity client, boolean mutual, NamedGroup group) {
        TLSConfiguration.Builder serverConfig = TLSConfiguration.server().keyExchanges(group)
                .privateKey(server.privateKey()).certificateChain(server.chain());
        TLSConfiguration.Builder clientConfig = TLSConfiguration.client().keyExchanges(group)
                .truststore(TrustStores.fromCertificates(List.of(server.root())));
        if (mutual) {
            serverConfig.truststore(TrustStores.fromCertificates(List.of(client.root())))
                    .clientAuthentication(ClientAuthentication.REQUIRED);
            clientConfig.certificateChain(client.chain()).privateKey(client.privateKey());
        }
        return jsse(SiotlsSSLContext.of(clientConfig.build(), null), SiotlsSSLContext.of(null, serverConfig.build()),
                mutual);
    }

    private static Contexts sunJsse(Identity server, Identity client, boolean mutual) throws Exception {
        SSLContext serverContext = JsseMaterial.sunJsse(JsseMaterial.keyManagers(server),
                mutual ? JsseMaterial.trustManagers(client) : null);
        SSLContext clientContext = JsseMaterial.sunJsse(mutual ? JsseMaterial.keyManagers(client) : null,
                JsseMaterial.trustManagers(server));
        return jsse(clientContext, serverContext, mutual);
    }

    /** BouncyCastle's JSSE with its own key and trust manager factories, as its users set it up. */
    private static Contexts bcJsse(Identity server, Identity client, boolean mutual) throws Exception {
        SSLContext serverContext = bcJsseContext(bcKeyManagers(server), mutual ? bcTrustManagers(client) : null);
        SSLContext clientContext = bcJsseContext(mutual ? bcKeyManagers(client) : null, bcTrustManagers(server));
        return jsse(clientContext, serverContext, mutual);
    }

    private static KeyManager[] bcKeyManagers(Identity identity) throws Exception {
        return JsseMaterial.keyManagers(KeyManagerFactory.getInstance("PKIX", BC_JSSE), identity);
    }

    private static TrustManager[] bcTrustManagers(Identity identity) throws Exception {
        return JsseMaterial.trustManagers(TrustManagerFactory.getInstance("PKIX", BC_JSSE), identity);
    }

    private static SSLContext bcJsseContext(KeyManager[] keyManagers, TrustManager[] trustManagers) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", BC_JSSE);
        context.init(keyManagers, trustManagers, new SecureRandom());
        return context;
    }

    private static Contexts jsse(SSLContext clientContext, SSLContext serverContext, boolean mutual) {
        return new Contexts(mutual) {
            @Override
            SSLEngine newClient() {
                return clientContext.createSSLEngine();
            }

            @Override
            SSLEngine newClient(String host, int port) {
                return clientContext.createSSLEngine(host, port);
            }

            @Override
            SSLEngine newServer() {
                return serverContext.createSSLEngine();
            }
        };
    }

    private static Contexts boringSsl(Identity server, Identity client, boolean mutual, String group)
            throws Exception {
        String[] groups = {X25519.equals(group) ? "X25519" : group};
        SslContextBuilder serverBuilder = SslContextBuilder.forServer(server.privateKey(),
                        server.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.OPENSSL_REFCNT).protocols("TLSv1.3")
                .option(OpenSslContextOption.GROUPS, groups);
        SslContextBuilder clientBuilder = SslContextBuilder.forClient().trustManager(server.root())
                .sslProvider(SslProvider.OPENSSL_REFCNT).protocols("TLSv1.3")
                .option(OpenSslContextOption.GROUPS, groups);
        if (mutual) {
            serverBuilder.trustManager(client.root()).clientAuth(ClientAuth.REQUIRE);
            clientBuilder.keyManager(client.privateKey(), client.chain().toArray(X509Certificate[]::new));
        }
        SslContext serverContext = serverBuilder.build();
        SslContext clientContext = clientBuilder.build();
        return new Contexts(mutual) {
            @Override
            SSLEngine newClient() {
                return clientContext.newEngine(UnpooledByteBufAllocator.DEFAULT);
            }

            @Override
            SSLEngine newClient(String host, int port) {
                return clientContext.newEngine(UnpooledByteBufAllocator.DEFAULT, host, port);
            }

            @Override
            SSLEngine newServer() {
                return serverContext.newEngine(UnpooledByteBufAllocator.DEFAULT);
            }

            @Override
            void release(SSLEngine engine) {
                ((ReferenceCounted) engine).release();
            }
        };
    }
}
