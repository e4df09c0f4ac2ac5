package io.siotls.samples.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Tomcat sample on our engine under load from a real load generator (h2load, from Debian's
 * nghttp2-client): 2,000 concurrent TLS 1.3 connections, ten HTTP/2 requests each, three times.
 * Every handshake succeeds, every response comes back, and once the connections are closed the
 * later rounds have left nothing behind: the live io.siotls objects (counted from the JVM's class
 * histogram) are exactly those after the first round, a few KB, and the whole heap has not grown
 * round after round. The first round fills Tomcat's caches; after it, the heap moves by some MB
 * from one round to the next (seen: up to 23 MB once), but only a leak makes it grow in every
 * round.
 */
class MvcSampleLoadTest {

    private static final int CONNECTIONS = 2_000;
    private static final int REQUESTS = 10 * CONNECTIONS;
    /** The io.siotls objects of one established server connection, about 1.5 KB: none may stay. */
    private static final long ONE_CONNECTION_OF_ENGINE_OBJECTS = 1_500;
    /**
     * Growth of the whole heap in one round, Tomcat's caches included: what a leak of 8 KB per
     * connection exceeds in every round, and the noise of one round may exceed once.
     */
    private static final long HEAP_TOLERANCE = 8_192L * CONNECTIONS;
    /**
     * Longer than the sample's 10 s: on a loaded 2-core machine the 2,000 handshakes queue for
     * more than 10 s (h2load saw connects of 12 s), and the watchdog rightly sheds the slowest;
     * this test is about serving them all and leaking nothing, not about that limit.
     */
    private static final String HANDSHAKE_TIMEOUT = "60s";
    private static final Pattern REQUESTS_LINE = Pattern.compile("requests: (\\d+) total, (\\d+) started, (\\d+) done, "
            + "(\\d+) succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");
    private static final Pattern STATUS_LINE = Pattern.compile("status codes: (\\d+) 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");

    @TempDir
    Path certificates;

    @Test
    void twoThousandConcurrentConnectionsThreeTimesAreAllServedAndLeaveNothingBehind() throws Exception {
        PeerCommand.require("h2load");
        try (ConfigurableApplicationContext app = SpringApplication.run(MvcSampleApplication.class,
                "--server.port=0", "--siotls.server.client-auth=none", "--logging.level.root=warn",
                "--siotls.server.handshake-timeout=" + HANDSHAKE_TIMEOUT,
                "--siotls.dev-certificates.directory=" + certificates)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            AtomicInteger handshakes = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            HandshakeListener listener = new HandshakeListener() {
                @Override
                public void handshakeCompleted(HandshakeEvent event) {
                    handshakes.incrementAndGet();
                }

                @Override
                public void handshakeFailed(HandshakeEvent event) {
                    failures.incrementAndGet();
                }
            };
            app.getBean("siotlsServerSslContext", SiotlsSSLContext.class).addHandshakeListener(listener);

            long engineBytesBefore = liveSiotlsBytes();
            load(port);
            awaitNoConnection(app);
            long afterFirst = usedHeapAfterGc();
            long engineBytesAfterFirst = liveSiotlsBytes();

            load(port);
            awaitNoConnection(app);
            long afterSecond = usedHeapAfterGc();
            long engineBytesAfterSecond = liveSiotlsBytes();

            load(port);
            awaitNoConnection(app);
            long afterThird = usedHeapAfterGc();
            long engineBytesAfterThird = liveSiotlsBytes();

            assertThat(handshakes).as("successful handshakes").hasValue(3 * CONNECTIONS);
            assertThat(failures).as("failed handshakes").hasValue(0);
            assertThat(List.of(engineBytesAfterSecond, engineBytesAfterThird))
                    .as("live io.siotls objects after the second and third rounds, bytes")
                    .containsOnly(engineBytesAfterFirst);
            assertThat(engineBytesAfterFirst).as("live io.siotls objects after the first round, bytes")
                    .isLessThan(engineBytesBefore + ONE_CONNECTION_OF_ENGINE_OBJECTS * 4);
            long secondRoundGrowth = afterSecond - afterFirst;
            long thirdRoundGrowth = afterThird - afterSecond;
            assertThat(Math.min(secondRoundGrowth, thirdRoundGrowth))
                    .as("heap growth of the second (%d bytes) and third (%d bytes) rounds: both over %d bytes is a leak",
                            secondRoundGrowth, thirdRoundGrowth, HEAP_TOLERANCE)
                    .isLessThan(HEAP_TOLERANCE);
        }
    }

    /** One round of h2load: every request must be done, none failed, errored or timed out, all 2xx. */
    private static void load(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("h2load", "-c", String.valueOf(CONNECTIONS), "-n", String.valueOf(REQUESTS),
                "-T", "60", "https://localhost:" + port + "/").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<Long> requests = numbers(REQUESTS_LINE, output);
        assertThat(requests).as(output).containsExactly((long) REQUESTS, (long) REQUESTS, (long) REQUESTS,
                (long) REQUESTS, 0L, 0L, 0L);
        assertThat(numbers(STATUS_LINE, output)).as(output).containsExactly((long) REQUESTS, 0L, 0L, 0L);
    }

    private static List<Long> numbers(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return java.util.stream.IntStream.rangeClosed(1, matcher.groupCount())
                .mapToObj(group -> Long.parseLong(matcher.group(group))).toList();
    }

    /**
     * Waits until Tomcat holds no connection: the peer's closes have all been seen. Tomcat's
     * count includes the one its acceptor has counted before its next accept.
     */
    private static void awaitNoConnection(ConfigurableApplicationContext app) throws InterruptedException {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (protocol.getConnectionCount() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(protocol.getConnectionCount()).as("connections still open, the acceptor's included").isEqualTo(1);
    }

    /** The bytes of every live io.siotls object, from the JVM's class histogram (after a full GC). */
    private static long liveSiotlsBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        long bytes = 0;
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[3].startsWith("io.siotls.")) {
                bytes += Long.parseLong(fields[2]);
            }
        }
        return bytes;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
