package io.siotls.jsse;

import io.siotls.ClientAuthentication;
import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.KeyStoreException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * What an SSLContext of ours holds, and how an engine's TLSConfiguration is derived from it:
 * either JSSE key and trust managers, or ready-made siotls configurations (which carry what plain
 * JSSE cannot: raw public keys, key logging, several chains, an OCSP response).
 */
final class ContextState {

    private static final Logger LOG = System.getLogger(ContextState.class.getName());

    private final X509ExtendedKeyManager keyManager;
    private final X509TrustManager trustManager;
    private final boolean usesManagers;
    private volatile TLSConfiguration clientConfig;
    private volatile TLSConfiguration serverConfig;
    private final List<HandshakeListener> listeners = new CopyOnWriteArrayList<>();
    final SessionContext clientSessions = SessionContext.forClients();
    final SessionContext serverSessions = SessionContext.forServers();

    private ContextState(X509ExtendedKeyManager keyManager, X509TrustManager trustManager, boolean usesManagers,
            TLSConfiguration clientConfig, TLSConfiguration serverConfig) {
        this.keyManager = keyManager;
        this.trustManager = trustManager;
        this.usesManagers = usesManagers;
        this.clientConfig = clientConfig;
        this.serverConfig = serverConfig;
    }

    /** From {@code SSLContext.init}: the first X.509 managers given, else the JDK's default trust manager. */
    static ContextState fromManagers(KeyManager[] keyManagers, TrustManager[] trustManagers)
            throws KeyStoreException, NoSuchAlgorithmException {
        X509ExtendedKeyManager keyManager = null;
        if (keyManagers != null) {
            for (KeyManager candidate : keyManagers) {
                if (candidate instanceof X509ExtendedKeyManager extended) {
                    keyManager = extended;
                    break;
                }
                if (candidate instanceof X509KeyManager plain) {
                    keyManager = new ExtendedKeyManagerAdapter(plain);
                    break;
                }
            }
        }
        X509TrustManager trustManager = firstX509(trustManagers);
        if (trustManager == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            trustManager = firstX509(factory.getTrustManagers());
        }
        return new ContextState(keyManager, trustManager, true, managersConfiguration(Side.CLIENT, keyManager, trustManager),
                keyManager == null ? null : managersConfiguration(Side.SERVER, keyManager, trustManager));
    }

    /**
     * The configuration a context of managers gives every engine of one side, built once: the
     * managers called without an engine. Each engine binds them to itself through its
     * {@link io.siotls.ConnectionOptions}, for the JSSE callbacks that take the engine. A server
     * asks for no client certificate unless its engine does (JSSE's default).
     */
    private static TLSConfiguration managersConfiguration(Side side, X509ExtendedKeyManager keyManager,
            X509TrustManager trustManager) {
        TLSConfiguration.Builder builder = TLSConfiguration.builder(side)
                .truststore(new TrustManagerTrustStore(trustManager, null, null));
        if (keyManager != null) {
            builder.signingChainSelector(new KeyManagerChains(keyManager, null, null));
        }
        if (side == Side.SERVER) {
            builder.clientAuthentication(ClientAuthentication.NONE);
        }
        return builder.build();
    }

    private static X509TrustManager firstX509(TrustManager[] trustManagers) {
        if (trustManagers != null) {
            for (TrustManager candidate : trustManagers) {
                if (candidate instanceof X509TrustManager x509) {
                    return x509;
                }
            }
        }
        return null;
    }

    /** From siotls configurations; either may be null when the context serves only one side. */
    static ContextState fromConfigurations(TLSConfiguration clientConfig, TLSConfiguration serverConfig) {
        return new ContextState(null, null, false, clientConfig, serverConfig);
    }

    /**
     * Replaces the configuration of {@code config}'s side for the engines and sockets created
     * from now on; those already created keep theirs.
     */
    void replace(TLSConfiguration config) {
        if (usesManagers) {
            throw new IllegalStateException("this SSLContext was made from key and trust managers");
        }
        if (config.side() == Side.CLIENT) {
            requirePresent(clientConfig, "client");
            clientConfig = config;
        } else {
            requirePresent(serverConfig, "server");
            serverConfig = config;
        }
    }

    private static void requirePresent(TLSConfiguration current, String side) {
        if (current == null) {
            throw new IllegalStateException("this SSLContext was made without a " + side + "-side TLSConfiguration");
        }
    }

    /** The configuration of one side, or null when this context has none for it. */
    TLSConfiguration configuration(boolean client) {
        return client ? clientConfig : serverConfig;
    }

    void addListener(HandshakeListener listener) {
        listeners.add(listener);
    }

    void removeListener(HandshakeListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of a handshake's outcome; a listener that throws does not stop the others. */
    void publish(HandshakeEvent event) {
        for (HandshakeListener listener : listeners) {
            try {
                if (event.succeeded()) {
                    listener.handshakeCompleted(event);
                } else {
                    listener.handshakeFailed(event);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING,
                        "a HandshakeListener failed", e);
            }
        }
    }

    boolean usesManagers() {
        return usesManagers;
    }

    X509ExtendedKeyManager keyManager() {
        return keyManager;
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    /** The configuration every engine of {@code client} side shares; its SSLParameters travel as options. */
    TLSConfiguration baseConfiguration(boolean client) {
        TLSConfiguration config = client ? clientConfig : serverConfig;
        if (config == null) {
            throw new IllegalStateException(usesManagers
                    ? "this SSLContext was initialised without a key manager: a server has no certificate to present"
                    : "this SSLContext was made without a " + (client ? "client" : "server") + "-side TLSConfiguration");
        }
        return config;
    }

    /** The cipher suites an engine enables by default. */
    List<CipherSuite> defaultCipherSuites(boolean client) {
        TLSConfiguration config = client ? clientConfig : serverConfig;
        return config != null ? config.cipherSuites()
                : (client ? serverConfig : clientConfig).cipherSuites();
    }

    /** The default client authentication of a server engine. */
    ClientAuthentication defaultClientAuthentication() {
        return serverConfig == null ? ClientAuthentication.NONE : serverConfig.clientAuthentication();
    }

    /** The groups the {@code jdk.tls.namedGroups} system property allows, or null when it is unset. */
    static List<NamedGroup> namedGroupsProperty() {
        String value = System.getProperty("jdk.tls.namedGroups");
        if (value == null || value.isBlank()) {
            return null;
        }
        return JsseNames.namedGroups(value.replace("\"", "").split(","), "jdk.tls.namedGroups");
    }

    /** The schemes the {@code jdk.tls.client|server.SignatureSchemes} property allows, or null. */
    static List<SignatureScheme> signatureSchemesProperty(boolean client) {
        String name = client ? "jdk.tls.client.SignatureSchemes" : "jdk.tls.server.SignatureSchemes";
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return JsseNames.signatureSchemes(value.replace("\"", "").split(","), name);
    }
}
