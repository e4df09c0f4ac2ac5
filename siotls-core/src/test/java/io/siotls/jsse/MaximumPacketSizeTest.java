package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** {@code SSLParameters.setMaximumPacketSize}: no record this engine wraps is larger. */
class MaximumPacketSizeTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @Test
    void recordsFitTheMaximumPacketSize() throws Exception {
        SSLEngine client = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)).createSSLEngine("localhost", 1);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setMaximumPacketSize(1000);
        client.setSSLParameters(parameters);
        assertThat(client.getSSLParameters().getMaximumPacketSize()).isEqualTo(1000);
        SSLEngine server = JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        server.setUseClientMode(false);
        EnginePairs pair = new EnginePairs(client, server);
        pair.handshake();

        ByteBuffer source = ByteBuffer.allocate(5000);
        ByteBuffer wire = ByteBuffer.allocate(20_000);
        int records = 0;
        while (source.hasRemaining()) {
            int before = wire.position();
            SSLEngineResult result = client.wrap(source, wire);
            assertThat(result.bytesProduced()).isLessThanOrEqualTo(1000);
            assertThat(wire.position() - before).isEqualTo(result.bytesProduced());
            records++;
        }
        assertThat(records).isEqualTo(6);
        wire.flip();
        ByteBuffer received = ByteBuffer.allocate(server.getSession().getApplicationBufferSize() * 2);
        while (wire.hasRemaining()) {
            server.unwrap(wire, received);
        }
        assertThat(received.position()).isEqualTo(5000);
    }

    @Test
    void packetSizeTooSmallForAnyRecordIsRefused() throws Exception {
        SSLEngine engine = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)).createSSLEngine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setMaximumPacketSize(50);
        assertThatThrownBy(() -> engine.setSSLParameters(parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum packet size 50");
    }
}
