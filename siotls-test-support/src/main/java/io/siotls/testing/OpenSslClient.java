package io.siotls.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code openssl s_client -tls1_3} connecting to a loopback port, started as a process. */
public final class OpenSslClient {

    private OpenSslClient() {
    }

    /** Starts {@code openssl s_client -connect 127.0.0.1:port -tls1_3} plus {@code extraArguments}. */
    public static ExternalProcess start(int port, String... extraArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3"));
        command.addAll(List.of(extraArguments));
        return ExternalProcess.start(command);
    }
}
