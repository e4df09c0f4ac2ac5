package io.siotls.cli;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.alerts.TLSException;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The {@code siotls} command, in the spirit of {@code openssl s_client} and {@code s_server}:
 * one TLS 1.3 connection on the siotls engine, its negotiated parameters and the peer's chain
 * printed to standard error, then standard input sent to the peer and what the peer sends
 * written to standard output. Exit codes a script can rely on: {@value #OK} done,
 * {@value #HANDSHAKE_FAILED} handshake failed, {@value #USAGE} usage error,
 * {@value #NETWORK} network error, {@value #CONFIGURATION} bad configuration or file.
 * With {@code server --www} or {@code --echo} it serves connection after connection instead
 * (see {@link ServerLoop}).
 */
public final class SiotlsCli {

    static final int OK = 0;
    static final int HANDSHAKE_FAILED = 1;
    static final int USAGE = 2;
    static final int NETWORK = 3;
    static final int CONFIGURATION = 4;

    private SiotlsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command with these streams; the exit code. */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        if (CliOptions.asksForHelp(args)) {
            PrintStream help = new PrintStream(out, true, StandardCharsets.UTF_8);
            help.print(CliOptions.USAGE);
            help.flush();
            return OK;
        }
        CliOptions options;
        TLSConfiguration configuration;
        try {
            options = CliOptions.parse(args);
            configuration = Configurations.of(options);
        } catch (UsageException e) {
            err.println("siotls: " + e.getMessage());
            err.print(CliOptions.USAGE);
            return USAGE;
        } catch (TLSConfigurationException e) {
            err.println("siotls: " + e.getMessage());
            return CONFIGURATION;
        }
        if (options.earlyDataFile() != null || options.maxEarlyData() > 0) {
            return earlyData(options, configuration, in, out, err);
        }
        SiotlsSSLContext context = SiotlsSSLContext.of(configuration);
        Negotiated negotiated = new Negotiated();
        context.addHandshakeListener(negotiated);
        try {
            return options.client() ? client(options, context, negotiated, in, out, err)
                    : server(options, context, negotiated, in, out, err);
        } catch (SSLException e) {
            err.println("siotls: TLS handshake failed: " + e.getMessage());
            return HANDSHAKE_FAILED;
        } catch (IOException e) {
            err.println("siotls: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return NETWORK;
        }
    }

    /** The 0-RTT modes, on the Sans-IO engine: JSSE has no early data API. */
    private static int earlyData(CliOptions options, TLSConfiguration configuration, InputStream in, OutputStream out,
            PrintStream err) {
        try {
            if (options.client()) {
                byte[] early = readEarlyData(options.earlyDataFile());
                return new EarlyDataClient(options, configuration, err).run(early, in, out);
            }
            InetAddress bindAddress = options.bindAddress() == null ? null : InetAddress.getByName(options.bindAddress());
            try (ServerSocket listener = new ServerSocket(options.port(), 50, bindAddress)) {
                err.println("Listening on port " + listener.getLocalPort());
                new EarlyDataEchoServer(configuration, listener, err, options.quiet()).serve(options.acceptCount());
                return OK;
            }
        } catch (TLSConfigurationException e) {
            err.println("siotls: " + e.getMessage());
            return CONFIGURATION;
        } catch (TLSException e) {
            err.println("siotls: TLS handshake failed: " + e.getMessage());
            return HANDSHAKE_FAILED;
        } catch (IOException e) {
            err.println("siotls: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return NETWORK;
        }
    }

    /** The --early-data file, at most {@link TLSConfiguration#MAX_EARLY_DATA} bytes. */
    private static byte[] readEarlyData(Path file) {
        try {
            if (Files.size(file) > TLSConfiguration.MAX_EARLY_DATA) {
                throw new TLSConfigurationException(ConfigurationOption.MAX_EARLY_DATA, ConfigurationProblem.OUT_OF_RANGE,
                        file.toString(), "--early-data " + file + " holds more than " + TLSConfiguration.MAX_EARLY_DATA
                        + " bytes, more than a siotls server takes as early data", null);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TLSConfigurationException(ConfigurationOption.MAX_EARLY_DATA, ConfigurationProblem.UNREADABLE,
                    file.toString(), "--early-data " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int client(CliOptions options, SSLContext context, Negotiated negotiated, InputStream in, OutputStream out, PrintStream err)
            throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(options.host(), options.port()), 10_000);
        String peerName = options.serverName() != null ? options.serverName() : options.host();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, peerName, options.port(), true)) {
            if (options.serverName() != null) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(options.serverName())));
                socket.setSSLParameters(parameters);
            }
            if (!options.quiet()) {
                err.println("Connected to " + options.host() + ":" + options.port());
            }
            return converse(socket, options, negotiated, in, out, err);
        }
    }

    private static int server(CliOptions options, SiotlsSSLContext context, Negotiated negotiated, InputStream in, OutputStream out, PrintStream err)
            throws IOException {
        InetAddress bindAddress = options.bindAddress() == null ? null : InetAddress.getByName(options.bindAddress());
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(options.port(), 50, bindAddress)) {
            err.println("Listening on port " + listener.getLocalPort());
            if (options.www() || options.echo()) {
                return loop(options, context, listener, err);
            }
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                if (!options.quiet()) {
                    err.println("Accepted " + socket.getRemoteSocketAddress());
                }
                return converse(socket, options, negotiated, in, out, err);
            }
        }
    }

    private static int loop(CliOptions options, SiotlsSSLContext context, SSLServerSocket listener, PrintStream err)
            throws IOException {
        ServerLoop.Answer answer = options.www() ? new WwwAnswer(options.clientCertificatePath()) : new EchoAnswer();
        try {
            new ServerLoop(context, listener, answer, err, options.quiet()).serve(options.acceptCount());
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    /**
     * Handshakes, prints the summary, then pipes both ways until the peer closes. Standard input
     * stopping is reported only when the conversation itself ended well: when it failed, the
     * sending end stopped because of that failure, which is what gets reported.
     */
    private static int converse(SSLSocket socket, CliOptions options, Negotiated negotiated, InputStream in, OutputStream out, PrintStream err)
            throws IOException {
        socket.startHandshake();
        if (!options.quiet()) {
            HandshakeSummary.print(negotiated.value, err);
        }
        AtomicReference<IOException> sendFailure = new AtomicReference<>();
        Thread sender = new Thread(() -> send(in, socket, sendFailure), "siotls-stdin");
        sender.setDaemon(true);
        sender.start();
        InputStream fromPeer = socket.getInputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = fromPeer.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
        IOException stopped = sendFailure.get();
        if (stopped != null) {
            err.println("siotls: sending stopped: " + stopped.getMessage());
        }
        return OK;
    }

    /**
     * Sends standard input to the peer; at its end, closes this side's sending end
     * (close_notify). A failure is kept for {@link #converse} to report.
     */
    private static void send(InputStream in, SSLSocket socket, AtomicReference<IOException> failure) {
        try {
            OutputStream toPeer = socket.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                toPeer.write(buffer, 0, n);
                toPeer.flush();
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            if (!socket.isClosed()) {
                failure.set(e);
            }
        }
    }

    /** What the connection's handshake negotiated, as the context's listener heard it. */
    private static final class Negotiated implements HandshakeListener {

        private volatile TLSNegotiatedConfiguration value;

        @Override
        public void handshakeCompleted(HandshakeEvent event) {
            value = event.negotiated();
        }
    }
}
