package io.siotls.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gnutls-serv --echo} on a free port, started as a process. It echoes every record it
 * receives, and, like GnuTLS servers by default, asks for a client certificate without requiring one.
 */
public final class GnutlsServer extends ServerProcess {

    private static final int ATTEMPTS = 5;
    private static final Pattern LISTENING = Pattern.compile("listening on IPv4 \\S+ port (\\d+)\\.\\.\\.(.*)\n");


    private GnutlsServer(ExternalProcess process, int port) {
        super(process, port);
    }

    /** Writes {@code identity} into {@code dir} and serves it, as {@link #start(Gnutls.Priority, List)}. */
    public static GnutlsServer start(Identity identity, Path dir, Gnutls.Priority priority, String... extraArguments)
            throws IOException, InterruptedException, TimeoutException {
        Path chain = identity.writePem(dir).chain();
        Path key = Gnutls.writePrivateKey(identity, dir);
        List<String> arguments = new ArrayList<>(List.of("--x509certfile", chain.toString(),
                "--x509keyfile", key.toString()));
        arguments.addAll(List.of(extraArguments));
        return start(priority, arguments);
    }

    /**
     * Starts {@code gnutls-serv --echo --port N --priority priority} plus {@code arguments} (the
     * credentials among them), then waits until it listens on IPv4. gnutls-serv cannot pick its
     * own port: this one takes a port the system reports free, and tries another when it was
     * taken in between.
     */
    public static GnutlsServer start(Gnutls.Priority priority, List<String> arguments)
            throws IOException, InterruptedException, TimeoutException {
        String lastFailure = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("gnutls-serv", "--echo", "--port", Integer.toString(port),
                    "--priority", priority.toString()));
            command.addAll(arguments);
            ExternalProcess process = ExternalProcess.start(command);
            try {
                String output = process.awaitOutput(out -> LISTENING.matcher(out).find(), Duration.ofSeconds(20));
                Matcher matcher = LISTENING.matcher(output);
                matcher.find();
                if (matcher.group(2).equals("done")) {
                    return new GnutlsServer(process, port);
                }
                lastFailure = output;
            } catch (InterruptedException | TimeoutException | RuntimeException e) {
                process.close();
                throw e;
            }
            process.close();
        }
        throw new IOException("gnutls-serv could not listen after " + ATTEMPTS + " attempts; it printed:\n"
                + lastFailure);
    }

    /** A port nobody listens on right now, on the wildcard address gnutls-serv binds to. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(0));
            return probe.getLocalPort();
        }
    }
}
