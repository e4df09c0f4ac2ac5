package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.connection.RecordConnection;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.lang.reflect.Field;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * An engine's SSLParameters and its managers travel as per-connection options: every engine of
 * a context shares the context's one configuration, whatever its parameters.
 */
class EngineOptionsTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.EC_P256);

    @Test
    void engineParametersApplyWithoutRebuildingTheConfiguration() throws Exception {
        TLSConfiguration serverConfig = Configs.server(SERVER)
                .truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .clientAuthentication(ClientAuthentication.NONE).build();
        SSLContext serverContext = SiotlsSSLContext.of(null, serverConfig);
        SSLContext clientContext = SiotlsSSLContext.of(Configs.clientTrusting(SERVER)
                .certificateChain(CLIENT.chain()).privateKey(CLIENT.privateKey()).build(), null);

        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters parameters = server.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        parameters.setCipherSuites(new String[] {CipherSuite.TLS_AES_256_GCM_SHA384.ianaName()});
        parameters.setNeedClientAuth(true);
        server.setSSLParameters(parameters);
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLParameters clientParameters = client.getSSLParameters();
        clientParameters.setApplicationProtocols(new String[] {"h2"});
        client.setSSLParameters(clientParameters);

        new EnginePairs(client, server).handshake();

        assertThat(server.getApplicationProtocol()).isEqualTo("h2");
        assertThat(server.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(server.getSession().getPeerCertificates()).hasSize(CLIENT.chain().size());
        assertThat(connectionOf(server).config()).isSameAs(serverConfig);
    }

    @Test
    void enginesOfAManagersContextShareItsConfigurationAndBindTheManagersToThemselves() throws Exception {
        SSLContext serverContext = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER),
                JsseMaterial.trustManagers(CLIENT));
        SSLContext clientContext = SiotlsJsse.context(JsseMaterial.keyManagers(CLIENT),
                JsseMaterial.trustManagers(SERVER));

        SSLEngine first = handshake(clientContext, serverContext, true);
        SSLEngine second = handshake(clientContext, serverContext, false);
        assertThat(first.getSession().getPeerCertificates()).as("need client auth, set on this engine only")
                .hasSize(CLIENT.chain().size());
        assertThat(second.getNeedClientAuth()).isFalse();
        assertThat(connectionOf(first).config()).isSameAs(connectionOf(second).config());
    }

    @Test
    void aManagersContextWithoutKeyManagerCannotServe() throws Exception {
        SSLContext serverContext = SiotlsJsse.context(null, JsseMaterial.trustManagers(CLIENT));
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        assertThatThrownBy(server::beginHandshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("without a key manager");
    }

    private static SSLEngine handshake(SSLContext clientContext, SSLContext serverContext, boolean needClientAuth)
            throws Exception {
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setNeedClientAuth(needClientAuth);
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        new EnginePairs(client, server).handshake();
        return server;
    }

    private static RecordConnection connectionOf(SSLEngine engine) throws ReflectiveOperationException {
        Field field = SiotlsSSLEngine.class.getDeclaredField("connection");
        field.setAccessible(true);
        return (RecordConnection) field.get(engine);
    }
}
