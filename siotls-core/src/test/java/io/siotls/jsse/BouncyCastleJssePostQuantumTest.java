package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import io.siotls.wire.TLSReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our SSLEngine against BouncyCastle's JSSE (bctls) in memory, each side in turn, over the
 * post-quantum groups: bctls runs on a BouncyCastle JCA provider instance handed to it (neither
 * registered: JDK 17's JCA has no ML-KEM), with its groups set on its own engine
 * ({@link BCSSLParameters#setNamedGroups}), never through the JVM-wide jdk.tls.namedGroups.
 */
class BouncyCastleJssePostQuantumTest {

    /**
     * An RSA key: bctls takes the ECDSA schemes only beside their curve's group, and these tests
     * leave the classic groups out.
     */
    private static final Identity SERVER = TestPki.server(KeyType.RSA_2048);
    private static final BouncyCastleJsseProvider BC_JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

    /** bctls with its own key or trust manager factory, as its users set it up. */
    private static SSLContext bcJsse(boolean server) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3", BC_JSSE);
        if (server) {
            context.init(JsseMaterial.keyManagers(KeyManagerFactory.getInstance("PKIX", BC_JSSE), SERVER), null, null);
        } else {
            context.init(null, JsseMaterial.trustManagers(TrustManagerFactory.getInstance("PKIX", BC_JSSE), SERVER),
                    null);
        }
        return context;
    }

    private static SSLEngine withGroups(SSLEngine engine, String... groups) {
        BCSSLEngine bcEngine = (BCSSLEngine) engine;
        BCSSLParameters parameters = bcEngine.getParameters();
        parameters.setNamedGroups(groups);
        parameters.setProtocols(new String[] {"TLSv1.3"});
        bcEngine.setParameters(parameters);
        return engine;
    }

    private static EnginePairs handshake(SSLEngine client, SSLEngine server) throws Exception {
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        EnginePairs pair = new EnginePairs(client, server);
        pair.handshake();
        byte[] data = "post-quantum".getBytes(StandardCharsets.US_ASCII);
        assertThat(pair.send(data, true)).isEqualTo(data);
        assertThat(pair.send(data, false)).isEqualTo(data);
        return pair;
    }

    private static NamedGroup negotiatedGroup(SSLEngine ours) {
        return ((SiotlsSession) ours.getSession()).negotiated().keyExchange();
    }

    @Test
    void ourDefaultServerTakesX25519Mlkem768FromBouncyCastle() throws Exception {
        SSLEngine ours = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        SSLEngine theirs = withGroups(bcJsse(false).createSSLEngine("localhost", 443), "X25519MLKEM768");

        handshake(theirs, ours);

        assertThat(negotiatedGroup(ours)).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    /**
     * bctls 1.84 listing X25519MLKEM768 then x25519 sends a key share for x25519 alone: our
     * server takes the share it has rather than cost a round trip for the hybrid (as Go's does).
     */
    @Test
    void bouncyCastleListingTheHybridFirstSharesX25519AloneWhichOurServerTakesWithoutARetry() throws Exception {
        SSLEngine probe = withGroups(bcJsse(false).createSSLEngine("localhost", 443), "X25519MLKEM768", "x25519");
        probe.setUseClientMode(true);
        ByteBuffer hello = ByteBuffer.allocate(probe.getSession().getPacketBufferSize());
        probe.wrap(ByteBuffer.allocate(0), hello);
        ClientHello sent = ClientHello.parse(new TLSReader(hello.array(), 9, hello.position() - 9));
        assertThat(sent.extensions().get(ExtensionType.SUPPORTED_GROUPS, SupportedGroupsExtension.class).groups())
                .startsWith(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code());
        assertThat(sent.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries())
                .extracting(KeyShareEntry::group).containsExactly(NamedGroup.X25519.code());

        SSLEngine ours = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        handshake(withGroups(bcJsse(false).createSSLEngine("localhost", 443), "X25519MLKEM768", "x25519"), ours);

        assertThat(negotiatedGroup(ours)).isEqualTo(NamedGroup.X25519);
    }

    @ParameterizedTest(name = "bctls serves {0}")
    @CsvSource({"X25519MLKEM768, X25519MLKEM768", "'X25519MLKEM768,x25519', X25519MLKEM768",
        "'x25519,X25519MLKEM768', X25519MLKEM768", "x25519, x25519"})
    void ourDefaultClientGetsX25519Mlkem768FromBouncyCastle(String served, String expected) throws Exception {
        SSLEngine ours = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)).createSSLEngine("localhost", 443);
        SSLEngine theirs = withGroups(bcJsse(true).createSSLEngine(),
                served.split(","));

        handshake(ours, theirs);

        assertThat(negotiatedGroup(ours)).isEqualTo(NamedGroup.fromName(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM512", "MLKEM768", "MLKEM1024"})
    void theOtherPostQuantumGroupsInBothDirections(String group) throws Exception {
        NamedGroup expected = NamedGroup.fromName(group);
        SSLEngine ourClient = SiotlsSSLContext.of(Configs.clientTrusting(SERVER).keyExchanges(expected).build())
                .createSSLEngine("localhost", 443);
        handshake(ourClient, withGroups(bcJsse(true).createSSLEngine(), group));
        assertThat(negotiatedGroup(ourClient)).isEqualTo(expected);

        SSLEngine ourServer = SiotlsSSLContext.of(Configs.server(SERVER).keyExchanges(expected).build())
                .createSSLEngine();
        handshake(withGroups(bcJsse(false).createSSLEngine("localhost", 443),
                group), ourServer);
        assertThat(negotiatedGroup(ourServer)).isEqualTo(expected);
    }
}
