package io.siotls.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code openssl s_server -tls1_3} on an ephemeral loopback port, started as a process. */
public final class OpenSslServer extends ServerProcess {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)");


    private OpenSslServer(ExternalProcess process, int port) {
        super(process, port);
    }

    /**
     * Starts {@code openssl s_server -accept 0 -tls1_3 -cert chain -key key} plus
     * {@code extraArguments}, and waits until it listens.
     */
    public static OpenSslServer start(PemFiles identity, String... extraArguments)
            throws IOException, InterruptedException, TimeoutException {
        return start(List.of("-cert", identity.chain().toString(), "-key", identity.key().toString()),
                List.of(extraArguments));
    }

    /**
     * Starts {@code openssl s_server -accept 0 -tls1_3 -nocert} plus {@code extraArguments} (a
     * server that authenticates with a PSK only: {@code -psk HEX -psk_identity ID}), and waits
     * until it listens.
     */
    public static OpenSslServer startWithoutCertificate(String... extraArguments)
            throws IOException, InterruptedException, TimeoutException {
        return start(List.of("-nocert"), List.of(extraArguments));
    }

    private static OpenSslServer start(List<String> credentials, List<String> extraArguments)
            throws IOException, InterruptedException, TimeoutException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "0", "-tls1_3"));
        command.addAll(credentials);
        command.addAll(extraArguments);
        ExternalProcess process = ExternalProcess.start(command);
        try {
            String output = process.awaitOutput(out -> ACCEPT.matcher(out).find(), Duration.ofSeconds(20));
            Matcher matcher = ACCEPT.matcher(output);
            matcher.find();
            return new OpenSslServer(process, Integer.parseInt(matcher.group(1)));
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            process.close();
            throw e;
        }
    }
}
