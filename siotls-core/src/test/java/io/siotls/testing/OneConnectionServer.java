package io.siotls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Our server on a loopback port for one connection: it runs the handshake, reads the first line,
 * answers it, and closes; what it saw is waited for with {@link #served()}.
 */
public final class OneConnectionServer implements AutoCloseable {

    /** What the server saw. */
    public record Served(TLSNegotiatedConfiguration nconfig, String received) {

        /** The connection carried "ping", over {@code suite}, {@code group} and {@code scheme}, to "localhost" (SNI). */
        public void assertPingFromLocalhostOver(CipherSuite suite, NamedGroup group, SignatureScheme scheme) {
            assertThat(received).isEqualTo("ping\n");
            assertThat(nconfig.cipherSuite()).isEqualTo(suite);
            assertThat(nconfig.keyExchange()).isEqualTo(group);
            assertThat(nconfig.signatureAlgorithm()).isEqualTo(scheme);
            assertThat(nconfig.serverName()).isEqualTo("localhost");
        }
    }

    private final ServerSocket listener;
    private final CompletableFuture<Served> served;

    private OneConnectionServer(ServerSocket listener, CompletableFuture<Served> served) {
        this.listener = listener;
        this.served = served;
    }

    /** Answers the first line with {@code "pong: "} and the line. */
    public static OneConnectionServer pong(TLSConfiguration config) throws IOException {
        return start(config, line -> ("pong: " + line).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers the first line with what {@code reply} makes of it. */
    public static OneConnectionServer start(TLSConfiguration config, Function<String, byte[]> reply) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<Served> served = CompletableFuture.supplyAsync(() -> {
            try (SocketConnection connection = SocketConnection.accept(listener, config)) {
                connection.handshake();
                String line = connection.readUntilContains("\n", Duration.ofSeconds(10));
                connection.write(reply.apply(line));
                return new Served(connection.tls().nconfig(), line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new OneConnectionServer(listener, served);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * What the server saw, once it is done.
     *
     * @throws ExecutionException with the server's failure (an alert exception) as its cause
     */
    public Served served() throws ExecutionException, InterruptedException, TimeoutException {
        return served.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
