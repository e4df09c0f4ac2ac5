package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our client engine handed buffers the way the JDK's HttpClient and Netty hand them: several
 * records at once, part of a record, a 512-byte application buffer first, scattering buffers, a
 * network buffer too small for the record, and as Tomcat's HTTP/2 hands them to wrap: a frame's
 * header and payload as separate buffers, gathered into one record. The peer is SunJSSE.
 */
class EngineBufferHandlingTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    private SSLEngine ours;
    private SSLEngine sun;

    @BeforeEach
    void connect() throws Exception {
        ours = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)).createSSLEngine("localhost", 443);
        ours.setUseClientMode(true);
        sun = JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        sun.setUseClientMode(false);
        new EnginePairs(ours, sun).handshake();
        assertThat(ours).isInstanceOf(SiotlsSSLEngine.class);
    }

    private ByteBuffer sealedBySun(byte[]... messages) throws Exception {
        ByteBuffer wire = ByteBuffer.allocate(messages.length * sun.getSession().getPacketBufferSize() + 20_000);
        for (byte[] message : messages) {
            ByteBuffer src = ByteBuffer.wrap(message);
            while (src.hasRemaining()) {
                assertThat(sun.wrap(src, wire).getStatus()).isEqualTo(Status.OK);
            }
        }
        return wire.flip();
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void unwrapsOneRecordPerCallFromSeveral() throws Exception {
        ByteBuffer wire = sealedBySun("one".getBytes(), "two".getBytes(), "three".getBytes());
        int total = wire.remaining();
        ByteBuffer app = ByteBuffer.allocate(ours.getSession().getApplicationBufferSize());
        int consumed = 0;
        for (String expected : new String[] {"one", "two", "three"}) {
            app.clear();
            SSLEngineResult result = ours.unwrap(wire, app);
            assertThat(result.getStatus()).isEqualTo(Status.OK);
            assertThat(new String(app.array(), 0, app.position())).isEqualTo(expected);
            consumed += result.bytesConsumed();
        }
        assertThat(consumed).isEqualTo(total);
        assertThat(wire.hasRemaining()).isFalse();
    }

    @Test
    void waitsForTheRestOfARecordWithoutConsumingIt() throws Exception {
        byte[] message = random(3000);
        ByteBuffer whole = sealedBySun(message);
        ByteBuffer partial = ByteBuffer.allocate(whole.remaining());
        ByteBuffer app = ByteBuffer.allocate(ours.getSession().getApplicationBufferSize());
        while (whole.hasRemaining()) {
            partial.put(whole.get());
            partial.flip();
            SSLEngineResult result = ours.unwrap(partial, app);
            partial.compact();
            if (whole.hasRemaining()) {
                assertThat(result.getStatus()).isEqualTo(Status.BUFFER_UNDERFLOW);
                assertThat(result.bytesConsumed()).isZero();
            } else {
                assertThat(result.getStatus()).isEqualTo(Status.OK);
            }
        }
        assertThat(Arrays.copyOf(app.array(), app.position())).isEqualTo(message);
    }

    @Test
    void a512ByteApplicationBufferOverflowsUntouchedThenALargerOneTakesTheRecord() throws Exception {
        byte[] message = random(10_000);
        ByteBuffer wire = sealedBySun(message);
        ByteBuffer small = ByteBuffer.allocate(512);

        SSLEngineResult overflow = ours.unwrap(wire, small);
        assertThat(overflow.getStatus()).isEqualTo(Status.BUFFER_OVERFLOW);
        assertThat(overflow.bytesConsumed()).isZero();
        assertThat(small.position()).isZero();

        ByteBuffer large = ByteBuffer.allocate(ours.getSession().getApplicationBufferSize());
        SSLEngineResult ok = ours.unwrap(wire, large);
        assertThat(ok.getStatus()).isEqualTo(Status.OK);
        assertThat(Arrays.copyOf(large.array(), large.position())).isEqualTo(message);
    }

    @Test
    void scattersARecordOverSeveralBuffers() throws Exception {
        byte[] message = random(1000);
        ByteBuffer wire = sealedBySun(message);
        ByteBuffer[] dsts = {ByteBuffer.allocate(300), ByteBuffer.allocate(300), ByteBuffer.allocate(600)};

        SSLEngineResult result = ours.unwrap(wire, dsts);

        assertThat(result.getStatus()).isEqualTo(Status.OK);
        assertThat(result.bytesProduced()).isEqualTo(1000);
        ByteBuffer joined = ByteBuffer.allocate(1000);
        for (ByteBuffer dst : dsts) {
            joined.put(dst.flip());
        }
        assertThat(joined.array()).isEqualTo(message);
    }

    @Test
    void wrapIntoATooSmallNetworkBufferOverflowsWithoutConsuming() throws Exception {
        ByteBuffer src = ByteBuffer.wrap(random(2000));
        ByteBuffer tiny = ByteBuffer.allocate(100);

        SSLEngineResult overflow = ours.wrap(src, tiny);

        assertThat(overflow.getStatus()).isEqualTo(Status.BUFFER_OVERFLOW);
        assertThat(overflow.bytesConsumed()).isZero();
        assertThat(src.position()).isZero();
        ByteBuffer wire = ByteBuffer.allocate(ours.getSession().getPacketBufferSize());
        assertThat(ours.wrap(src, wire).bytesConsumed()).isEqualTo(2000);
        ByteBuffer app = ByteBuffer.allocate(sun.getSession().getApplicationBufferSize());
        assertThat(sun.unwrap(wire.flip(), app).bytesProduced()).isEqualTo(2000);
    }

    @Test
    void wrapGathersSeveralSmallBuffersIntoOneRecordAsSunJsseDoes() throws Exception {
        byte[] header = random(9);
        byte[] payload = random(97);
        ByteBuffer[] frame = {ByteBuffer.wrap(header), ByteBuffer.allocate(0), ByteBuffer.wrap(payload)};
        ByteBuffer wire = ByteBuffer.allocate(ours.getSession().getPacketBufferSize());

        SSLEngineResult wrapped = ours.wrap(frame, wire);

        assertThat(wrapped.getStatus()).isEqualTo(Status.OK);
        assertThat(wrapped.bytesConsumed()).isEqualTo(106);
        assertThat(wrapped.bytesProduced()).isEqualTo(5 + 106 + 1 + 16);
        assertThat(frame).noneMatch(ByteBuffer::hasRemaining);
        ByteBuffer app = ByteBuffer.allocate(sun.getSession().getApplicationBufferSize());
        SSLEngineResult unwrapped = sun.unwrap(wire.flip(), app);
        assertThat(unwrapped.bytesProduced()).isEqualTo(106);
        assertThat(wire.hasRemaining()).isFalse();
        byte[] expected = new byte[106];
        System.arraycopy(header, 0, expected, 0, 9);
        System.arraycopy(payload, 0, expected, 9, 97);
        assertThat(Arrays.copyOf(app.array(), app.position())).isEqualTo(expected);
    }

    @Test
    void wrapFillsOneRecordFromSeveralLargeBuffersAndLeavesTheRestForTheNext() throws Exception {
        ByteBuffer[] srcs = {ByteBuffer.wrap(random(10_000)), ByteBuffer.wrap(random(10_001))};
        ByteBuffer wire = ByteBuffer.allocate(2 * ours.getSession().getPacketBufferSize());

        SSLEngineResult first = ours.wrap(srcs, wire);
        assertThat(first.bytesConsumed()).isEqualTo(16_384);
        assertThat(srcs[0].hasRemaining()).isFalse();
        assertThat(srcs[1].position()).isEqualTo(6_384);

        SSLEngineResult second = ours.wrap(srcs, wire);

        assertThat(second.bytesConsumed()).isEqualTo(20_001 - 16_384);
        assertThat(srcs[1].hasRemaining()).isFalse();
        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(2 * sun.getSession().getApplicationBufferSize());
        while (wire.hasRemaining()) {
            assertThat(sun.unwrap(wire, app).getStatus()).isEqualTo(Status.OK);
        }
        assertThat(app.position()).isEqualTo(20_001);
        assertThat(Arrays.copyOf(app.array(), 20_001)).startsWith(srcs[0].array()).endsWith(srcs[1].array());
    }
}
