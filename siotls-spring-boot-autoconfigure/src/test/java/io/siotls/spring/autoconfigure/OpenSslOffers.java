package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.IanaCode;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.PeerCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * {@code openssl s_client}, a real peer, offering a server one TLS 1.3 cipher suite or one key
 * exchange group alone, to prove that a server serves exactly its siotls configuration: every
 * suite and group it holds is served, and every other one the engine implements is refused.
 * OpenSSL 3.0 has no ML-KEM: the post-quantum groups are left out of what it offers (their
 * interop tests run against BoringSSL and BouncyCastle). Skipped when openssl is missing, except under CI ({@link PeerCommand}).
 */
public final class OpenSslOffers {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(20);

    private OpenSslOffers() {
    }

    /** How one {@code openssl s_client} run ended. */
    public record Outcome(String offered, int exitCode, String output) {

        /** Whether the handshake completed. */
        public boolean established() {
            return exitCode == 0 && output.contains("CONNECTION ESTABLISHED");
        }

        /**
         * Whether the server refused the handshake: openssl failed without establishing it, as a
         * rule on our handshake_failure alert, but on a bare close where the engine could not
         * start (Tomcat on JDK 20+ sets the client's groups that are configured on each engine,
         * none when the client offers none of them).
         */
        public boolean refused() {
            return exitCode != 0 && !output.contains("CONNECTION ESTABLISHED")
                    && (output.contains("alert handshake failure") || output.contains("unexpected eof"));
        }
    }

    /** Offers {@code suite} alone, with those of {@code groups} OpenSSL 3.0 knows. */
    public static Outcome offer(int port, CipherSuite suite, List<NamedGroup> groups) throws Exception {
        return run(port, suite.ianaName(), "-ciphersuites", suite.ianaName(), "-groups",
                names(groups.stream().filter(group -> !group.isPostQuantum()).toList()));
    }

    /** Offers {@code group} alone, its key share included, with {@code suites}. */
    public static Outcome offer(int port, NamedGroup group, List<CipherSuite> suites) throws Exception {
        return run(port, group.ianaName(), "-groups", group.ianaName(), "-ciphersuites", names(suites));
    }

    private static String names(List<? extends IanaCode> values) {
        return values.stream().map(IanaCode::ianaName).collect(Collectors.joining(":"));
    }

    private static Outcome run(int port, String offered, String... offer) throws Exception {
        PeerCommand.require("openssl");
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3", "-brief"));
        command.addAll(List.of(offer));
        try (ExternalProcess process = ExternalProcess.start(command)) {
            process.stdin().close();
            int exitCode = process.awaitExit(RUN_LIMIT);
            return new Outcome(offered, exitCode, process.output());
        }
    }

    /** The cipher suites the engine implements. */
    public static List<CipherSuite> implementedSuites() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        return Arrays.stream(CipherSuite.values()).filter(crypto::supports).toList();
    }

    /** The key exchange groups the engine implements that OpenSSL 3.0 can offer (no ML-KEM before 3.5). */
    public static List<NamedGroup> implementedGroups() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        return Arrays.stream(NamedGroup.values()).filter(crypto::supports).filter(group -> !group.isPostQuantum())
                .toList();
    }

    /**
     * Asserts that the server on {@code port} serves each of {@code suites} and {@code groups}
     * offered alone (the negotiated suite being that one) and refuses every other suite and group
     * the engine implements, offered alone; a suite is offered with all of {@code groups}, a group
     * with all of {@code suites}. Reports every mismatch at once.
     */
    public static void assertServesExactly(int port, List<CipherSuite> suites, List<NamedGroup> groups)
            throws Exception {
        assertThat(implementedSuites()).as("the refusals below are worth something").hasSizeGreaterThan(suites.size());
        assertThat(implementedGroups()).as("the refusals below are worth something")
                .hasSizeGreaterThan((int) groups.stream().filter(group -> !group.isPostQuantum()).count());
        SoftAssertions softly = new SoftAssertions();
        for (CipherSuite suite : implementedSuites()) {
            Outcome outcome = offer(port, suite, groups);
            if (suites.contains(suite)) {
                softly.assertThat(outcome.established() && outcome.output().contains("Ciphersuite: " + suite.ianaName()))
                        .as("the configured suite %s offered alone is served; openssl printed:%n%s", suite,
                                outcome.output()).isTrue();
            } else {
                softly.assertThat(outcome.refused())
                        .as("the suite %s, not configured, offered alone is refused; openssl printed:%n%s", suite,
                                outcome.output()).isTrue();
            }
        }
        for (NamedGroup group : implementedGroups()) {
            Outcome outcome = offer(port, group, suites);
            if (groups.contains(group)) {
                softly.assertThat(outcome.established())
                        .as("the configured group %s offered alone is served; openssl printed:%n%s", group,
                                outcome.output()).isTrue();
            } else {
                softly.assertThat(outcome.refused())
                        .as("the group %s, not configured, offered alone is refused; openssl printed:%n%s", group,
                                outcome.output()).isTrue();
            }
        }
        softly.assertAll();
    }
}
