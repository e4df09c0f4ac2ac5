package io.siotls.samples.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the README promises: the sample starts with no key material, makes development
 * certificates, logs the curl command that reaches it, and that very command gets a 200 over TLS
 * 1.3 with mutual TLS and HTTP/2; without the client certificate curl is refused; a second start
 * reuses the certificates.
 */
@ExtendWith(OutputCaptureExtension.class)
class MvcSampleApplicationTest {

    private static final Pattern CURL = Pattern.compile("(curl --cacert \\S+ --cert \\S+ --key \\S+ https://localhost:\\d+/)");

    @TempDir
    Path certificates;

    @Test
    void thePrintedCurlCommandGetsThroughWithMutualTls(CapturedOutput output) throws Exception {
        PeerCommand.require("curl");
        try (ConfigurableApplicationContext app = start()) {
            assertThat(output).contains("serving DEVELOPMENT certificates made now in " + certificates);
            Matcher command = CURL.matcher(output.getOut() + output.getErr());
            assertThat(command.find()).as("the logged curl command").isTrue();
            List<String> curl = List.of((command.group(1) + " -sS -v").split(" "));

            Result ok = run(curl);
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("Hello CN=siotls development client: HTTP/2.0 over TLS 1.3 (TLS_")
                    .endsWith(") on siotls\n");
            assertThat(ok.err()).contains("SSL connection using TLSv1.3").contains("ALPN: server accepted h2");

            List<String> withoutCertificate = List.of("curl", "-sS", "--cacert", certificates.resolve("ca.pem").toString(),
                    curl.get(curl.indexOf("--key") + 2));
            Result refused = run(withoutCertificate);
            assertThat(refused.exitCode()).as(refused.err()).isNotZero();
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).as("curl read the certificate_required alert or lost the connection before it could")
                    .containsAnyOf("certificate required", "Broken pipe", "Connection reset by peer",
                            "Transport endpoint is not connected", "unexpected eof while reading");
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(output).contains("serving DEVELOPMENT certificates reused from " + certificates);
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(MvcSampleApplication.class, "--server.port=0",
                "--siotls.dev-certificates.directory=" + certificates);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
