package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our SSLEngine against BoringSSL (netty-tcnative-boringssl-static through Netty's OpenSSL
 * engine) in memory, each side in turn, over the post-quantum groups BoringSSL implements. The
 * group is read on both sides: from our negotiated configuration and from BoringSSL's
 * {@code SSL_get_group_name}. The native library ships for this platform as a test dependency;
 * where it cannot load, the tests are skipped.
 */
class BoringSslPostQuantumTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @BeforeAll
    static void boringSslLoads() {
        assumeTrue(OpenSsl.isAvailable(), () -> "BoringSSL did not load: " + OpenSsl.unavailabilityCause());
    }

    private static SslContext boringSsl(boolean server, String... groups) throws Exception {
        SslContextBuilder builder = server
                ? SslContextBuilder.forServer(SERVER.privateKey(), SERVER.chain().toArray(X509Certificate[]::new))
                : SslContextBuilder.forClient().trustManager(SERVER.root());
        return builder.sslProvider(SslProvider.OPENSSL_REFCNT).protocols("TLSv1.3")
                .option(OpenSslContextOption.GROUPS, groups).build();
    }

    private static void handshake(SSLEngine client, SSLEngine server) throws Exception {
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        EnginePairs pair = new EnginePairs(client, server);
        pair.handshake();
        byte[] data = "post-quantum".getBytes(StandardCharsets.US_ASCII);
        assertThat(pair.send(data, true)).isEqualTo(data);
        assertThat(pair.send(data, false)).isEqualTo(data);
    }

    private static NamedGroup ours(SSLEngine engine) {
        return ((SiotlsSession) engine.getSession()).negotiated().keyExchange();
    }

    private static String theirs(SSLEngine engine) throws Exception {
        return SSL.getGroupName(((ReferenceCountedOpenSslEngine) engine).sslPointer());
    }

    private static void release(SSLEngine engine) {
        ((ReferenceCountedOpenSslEngine) engine).release();
    }

    @ParameterizedTest(name = "BoringSSL offers {0}")
    @ValueSource(strings = {"X25519MLKEM768", "X25519MLKEM768:X25519"})
    void ourDefaultServerTakesX25519Mlkem768FromBoringSsl(String offered) throws Exception {
        SSLEngine ours = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        SSLEngine theirs = boringSsl(false, offered.split(":"))
                .newEngine(UnpooledByteBufAllocator.DEFAULT, "localhost", 443);
        try {
            handshake(theirs, ours);

            assertThat(ours(ours)).isEqualTo(NamedGroup.X25519MLKEM768);
            assertThat(theirs(theirs)).isEqualTo("X25519MLKEM768");
        } finally {
            release(theirs);
        }
    }

    @ParameterizedTest(name = "BoringSSL serves {0}")
    @CsvSource({"X25519MLKEM768, X25519MLKEM768", "X25519MLKEM768:X25519, X25519MLKEM768",
        "X25519:X25519MLKEM768, X25519", "X25519, X25519"})
    void ourDefaultClientGetsX25519Mlkem768FromBoringSsl(String served, String expected) throws Exception {
        SSLEngine ours = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)).createSSLEngine("localhost", 443);
        SSLEngine theirs = boringSsl(true, served.split(":")).newEngine(UnpooledByteBufAllocator.DEFAULT);
        try {
            handshake(ours, theirs);

            assertThat(ours(ours)).isEqualTo(NamedGroup.fromName(expected));
            assertThat(theirs(theirs)).isEqualToIgnoringCase(expected);
        } finally {
            release(theirs);
        }
    }

    /** The post-quantum groups of netty-tcnative 2.0.84's BoringSSL (it refuses SecP256r1MLKEM768). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X25519MLKEM768", "MLKEM1024"})
    void eachGroupBothWaysWhereBoringSslHasIt(String group) throws Exception {
        NamedGroup expected = NamedGroup.fromName(group);
        SSLEngine ourClient = SiotlsSSLContext.of(Configs.clientTrusting(SERVER).keyExchanges(expected).build())
                .createSSLEngine("localhost", 443);
        SSLEngine theirServer = boringSsl(true, group).newEngine(UnpooledByteBufAllocator.DEFAULT);
        try {
            handshake(ourClient, theirServer);
            assertThat(ours(ourClient)).isEqualTo(expected);
            assertThat(theirs(theirServer)).isEqualTo(group);
        } finally {
            release(theirServer);
        }

        SSLEngine ourServer = SiotlsSSLContext.of(Configs.server(SERVER).keyExchanges(expected).build())
                .createSSLEngine();
        SSLEngine theirClient = boringSsl(false, group).newEngine(UnpooledByteBufAllocator.DEFAULT, "localhost", 443);
        try {
            handshake(theirClient, ourServer);
            assertThat(ours(ourServer)).isEqualTo(expected);
            assertThat(theirs(theirClient)).isEqualTo(group);
        } finally {
            release(theirClient);
        }
    }
}
