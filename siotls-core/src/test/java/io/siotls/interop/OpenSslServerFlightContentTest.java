package io.siotls.interop;

import static io.siotls.interop.OpenSslExchange.LINE_EACH_WAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What our server puts in its encrypted flight, read from {@code openssl s_client -trace}:
 * supported_groups in EncryptedExtensions only when the group used is not the server's first
 * choice (RFC 8446 §4.2.7), or always when configured; certificate_authorities in the
 * CertificateRequest unless turned off (RFC 8446 §4.2.4).
 */
@Timeout(60)
class OpenSslServerFlightContentTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void supportedGroupsAreSentOnlyWhenTheGroupUsedIsNotTheServersFirstChoice() throws Exception {
        String first = encryptedExtensions(config -> config, "-groups", "X25519");
        String second = encryptedExtensions(config -> config, "-groups", "P-256");
        String always = encryptedExtensions(config -> config.alwaysSendSupportedGroups(true), "-groups", "X25519");

        assertThat(first).doesNotContain("supported_groups");
        assertThat(second).contains("supported_groups").contains("ecdh_x25519");
        assertThat(always).contains("supported_groups");
    }

    @Test
    void certificateAuthoritiesAreNamedUnlessTurnedOff() throws Exception {
        assertThat(certificateRequest(true)).contains("certificate_authorities");
        assertThat(certificateRequest(false)).doesNotContain("certificate_authorities")
                .contains("signature_algorithms");
    }

    /** The EncryptedExtensions part of the s_client trace, against a server offering x25519 then P-256. */
    private String encryptedExtensions(java.util.function.UnaryOperator<TLSConfiguration.Builder> configure,
            String... clientArguments) throws Exception {
        Path run = Files.createTempDirectory(dir, "ee");
        PemFiles pem = SERVER.writePem(run);
        OpenSslExchange.ourServer(run, pem.ca(), configure.apply(Configs.server(SERVER)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1)).build(), LINE_EACH_WAY, clientArguments);
        return section(Files.readString(run.resolve("s_client.trace")), "EncryptedExtensions, Length=");
    }

    private String certificateRequest(boolean sendAuthorities) throws Exception {
        Path run = Files.createTempDirectory(dir, "cr");
        PemFiles pem = SERVER.writePem(run);
        PemFiles client = CLIENT.writePem(Files.createDirectories(run.resolve("client")));
        TLSConfiguration config = Configs.server(SERVER)
                .truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .sendCertificateAuthorities(sendAuthorities).build();
        OpenSslExchange.ourServer(run, pem.ca(), config, LINE_EACH_WAY,
                "-cert", client.chain().toString(), "-key", client.key().toString());
        return section(Files.readString(run.resolve("s_client.trace")), "CertificateRequest, Length=");
    }

    /** The trace from {@code heading} to the next handshake message OpenSSL traced. */
    private static String section(String trace, String heading) {
        int start = trace.indexOf(heading);
        assertThat(start).as(heading + " in the trace:\n" + trace).isNotNegative();
        int end = trace.indexOf(", Length=", start + heading.length());
        int lineStart = end < 0 ? trace.length() : trace.lastIndexOf('\n', end);
        return trace.substring(start, Math.max(lineStart, start + heading.length()));
    }
}
