package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SocketConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One connection between our engine and an OpenSSL process ({@code -trace} to a file), run to
 * its end: handshake, a {@link Conversation}, our close_notify, OpenSSL's exit. Returns what both
 * ends negotiated.
 */
final class OpenSslExchange {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What the application data phase does with our connection and the OpenSSL process. */
    @FunctionalInterface
    interface Conversation {
        void talk(SocketConnection ours, ExternalProcess openssl) throws Exception;
    }

    /** Our side sends a line that OpenSSL prints, OpenSSL sends a line we read. */
    static final Conversation LINE_EACH_WAY = (ours, openssl) -> {
        ours.write("ping from siotls\n");
        openssl.awaitOutput(out -> out.contains("ping from siotls\n"), TIMEOUT);
        openssl.write("pong from openssl\n");
        assertThat(ours.readUntilContains("pong from openssl\n", TIMEOUT)).isEqualTo("pong from openssl\n");
    };

    /**
     * What both ends saw.
     *
     * @param nconfig what our connection negotiated
     * @param output  everything OpenSSL printed on its standard output and error
     * @param trace   what OpenSSL traced of the handshake
     */
    record Seen(TLSNegotiatedConfiguration nconfig, String output, OpenSslTrace trace) {
    }

    /** Which end OpenSSL plays. */
    enum Direction {
        /** Our client against {@code openssl s_server}. */
        OUR_CLIENT,
        /** {@code openssl s_client} against our server. */
        OUR_SERVER;

        /** The scheme the server signed its CertificateVerify with, as our side reports it. */
        SignatureScheme serverSignature(TLSNegotiatedConfiguration nconfig) {
            return this == OUR_CLIENT ? nconfig.peerSignatureAlgorithm() : nconfig.signatureAlgorithm();
        }
    }

    /** The name OpenSSL's {@code -groups} knows {@code group} by. */
    static String openSslGroup(NamedGroup group) {
        return switch (group) {
            case SECP256R1 -> "P-256";
            case SECP384R1 -> "P-384";
            case SECP521R1 -> "P-521";
            case X25519 -> "X25519";
            case X448 -> "X448";
            default -> group.ianaName();
        };
    }

    private OpenSslExchange() {
    }

    /**
     * One exchange in {@code direction} where the server presents {@code identity}: our side's
     * configuration is {@link Configs#clientTrusting} or {@link Configs#server} of it, then
     * {@code configure}; {@code opensslArguments} go to s_server or s_client alike.
     */
    static Seen run(Direction direction, Path dir, Identity identity, UnaryOperator<TLSConfiguration.Builder> configure,
            Conversation conversation, String... opensslArguments) throws Exception {
        PemFiles pem = identity.writePem(dir);
        return switch (direction) {
            case OUR_CLIENT -> ourClient(dir, pem, configure.apply(Configs.clientTrusting(identity)).build(),
                    conversation, opensslArguments);
            case OUR_SERVER -> ourServer(dir, pem.ca(), configure.apply(Configs.server(identity)).build(),
                    conversation, opensslArguments);
        };
    }

    /** Our client with {@code config} against {@code openssl s_server -naccept 1} serving {@code served}. */
    static Seen ourClient(Path dir, PemFiles served, TLSConfiguration config, Conversation conversation,
            String... serverArguments) throws Exception {
        Path trace = dir.resolve("s_server.trace");
        List<String> arguments = new ArrayList<>(List.of("-naccept", "1", "-trace", "-msgfile", trace.toString()));
        arguments.addAll(List.of(serverArguments));
        try (OpenSslServer server = OpenSslServer.start(served, arguments.toArray(String[]::new))) {
            TLSNegotiatedConfiguration nconfig;
            try (SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
                client.handshake();
                nconfig = client.tls().nconfig();
                conversation.talk(client, server.process());
            }
            assertThat(server.process().awaitExit(TIMEOUT)).as("s_server exit code").isZero();
            return new Seen(nconfig, server.process().output(), OpenSslTrace.parse(Files.readString(trace)));
        }
    }

    /**
     * {@code openssl s_client} trusting {@code caFile} and naming localhost, against our server
     * with {@code config}.
     */
    static Seen ourServer(Path dir, Path caFile, TLSConfiguration config, Conversation conversation,
            String... clientArguments) throws Exception {
        Path trace = dir.resolve("s_client.trace");
        List<String> arguments = new ArrayList<>(List.of("-trace", "-msgfile", trace.toString(),
                "-CAfile", caFile.toString(), "-verify_return_error", "-servername", "localhost"));
        arguments.addAll(List.of(clientArguments));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ExternalProcess client = OpenSslClient.start(listener.getLocalPort(), arguments.toArray(String[]::new))) {
            Future<TLSNegotiatedConfiguration> served = executor.submit(() -> {
                try (SocketConnection server = SocketConnection.accept(listener, config)) {
                    server.handshake();
                    conversation.talk(server, client);
                    return server.tls().nconfig();
                }
            });
            TLSNegotiatedConfiguration nconfig;
            try {
                nconfig = served.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("our server failed; s_client printed:\n" + client.output(), e.getCause());
            }
            assertThat(client.awaitExit(TIMEOUT)).as("s_client exit code").isZero();
            assertThat(client.output()).contains("Verify return code: 0 (ok)");
            return new Seen(nconfig, client.output(), OpenSslTrace.parse(Files.readString(trace)));
        } finally {
            executor.shutdownNow();
        }
    }
}
