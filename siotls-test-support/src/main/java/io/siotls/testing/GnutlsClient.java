package io.siotls.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gnutls-cli} connecting to a loopback port, started as a process. It sends what is
 * written to its standard input and prints what it receives after {@link #CONNECTED}. The end of
 * its standard input ends the session, so the input stays open until the process is closed.
 * With {@code --inline-commands}, a line {@code ^rekey^} sends a KeyUpdate that requests the
 * peer's, and {@code -d 4} logs the handshake messages (key shares, HelloRetryRequest, KeyUpdate).
 */
public final class GnutlsClient {

    /** What gnutls-cli prints once the handshake completed, before it relays data. */
    public static final String CONNECTED = "- Simple Client Mode:";

    private GnutlsClient() {
    }

    /**
     * Starts {@code gnutls-cli --port port --x509cafile ca --priority priority --sni-hostname localhost
     * --verify-hostname localhost} plus {@code extraArguments}, connecting to 127.0.0.1.
     */
    public static ExternalProcess start(int port, PemFiles trust, Gnutls.Priority priority, String... extraArguments)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--x509cafile", trust.ca().toString(),
                "--sni-hostname", "localhost", "--verify-hostname", "localhost"));
        arguments.addAll(List.of(extraArguments));
        return start(port, priority, arguments);
    }

    /** Starts {@code gnutls-cli --port port --priority priority} plus {@code arguments}, to 127.0.0.1. */
    public static ExternalProcess start(int port, Gnutls.Priority priority, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "--port", Integer.toString(port),
                "--priority", priority.toString()));
        command.addAll(arguments);
        command.add("127.0.0.1");
        return ExternalProcess.start(command);
    }
}
