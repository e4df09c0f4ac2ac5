package io.siotls.benchmarks;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsProvider;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a server pays per accepted connection before the first byte: {@code createSSLEngine},
 * the SSLParameters a host sets on it, and {@code beginHandshake}, which starts the siotls
 * connection. The context is made either from a siotls configuration or from JSSE key and trust
 * managers; the engine either keeps the context's settings or gets the ALPN list and client
 * authentication Tomcat and Reactor Netty set on every engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineCreationBenchmark {

    /** How the SSLContext was made. */
    public enum ContextKind { CONFIGURATION, KEY_MANAGERS }

    @Param({"CONFIGURATION", "KEY_MANAGERS"})
    public ContextKind context;

    @Param({"false", "true"})
    public boolean hostParameters;

    private SSLContext sslContext;
    private SSLParameters parameters;

    @Setup
    public void makeContext() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.EC_P256);
        if (context == ContextKind.CONFIGURATION) {
            sslContext = SiotlsSSLContext.of(null, TLSConfiguration.server()
                    .privateKey(server.privateKey()).certificateChain(server.chain())
                    .truststore(TrustStores.fromCertificates(List.of(client.root())))
                    .clientAuthentication(ClientAuthentication.NONE).build());
        } else {
            sslContext = SSLContext.getInstance("TLSv1.3", new SiotlsProvider());
            sslContext.init(JsseMaterial.keyManagers(server), JsseMaterial.trustManagers(client), new SecureRandom());
        }
        parameters = sslContext.getDefaultSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        parameters.setWantClientAuth(true);
    }

    @Benchmark
    public SSLEngine serverEngine() throws SSLException {
        SSLEngine engine = sslContext.createSSLEngine();
        engine.setUseClientMode(false);
        if (hostParameters) {
            engine.setSSLParameters(parameters);
        }
        engine.beginHandshake();
        return engine;
    }
}
