package io.siotls.benchmarks;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import javax.net.ssl.SSLContext;

/**
 * A client and a server SSLContext of one implementation holding the same test certificates,
 * so that both implementations do the same cryptographic work.
 */
record Contexts(SSLContext client, SSLContext server, boolean mutual) {

    /**
     * @param keyType the server's (and, with {@code mutual}, the client's) key type
     * @param mutual whether the server requires a client certificate
     */
    static Contexts of(Implementation implementation, KeyType keyType, boolean mutual) {
        Identity server = TestPki.server(keyType);
        Identity client = TestPki.client(keyType);
        try {
            if (implementation == Implementation.SIOTLS) {
                TLSConfiguration.Builder serverConfig = Configs.server(server);
                TLSConfiguration.Builder clientConfig = Configs.clientTrusting(server);
                if (mutual) {
                    serverConfig.truststore(io.siotls.trust.TrustStores.fromCertificates(java.util.List.of(client.root())))
                            .clientAuthentication(ClientAuthentication.REQUIRED);
                    clientConfig.certificateChain(client.chain()).privateKey(client.privateKey());
                }
                return new Contexts(SiotlsSSLContext.of(clientConfig.build(), null),
                        SiotlsSSLContext.of(null, serverConfig.build()), mutual);
            }
            SSLContext serverContext = JsseMaterial.sunJsse(JsseMaterial.keyManagers(server),
                    mutual ? JsseMaterial.trustManagers(client) : null);
            SSLContext clientContext = JsseMaterial.sunJsse(mutual ? JsseMaterial.keyManagers(client) : null,
                    JsseMaterial.trustManagers(server));
            return new Contexts(clientContext, serverContext, mutual);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the " + implementation + " contexts", e);
        }
    }
}
