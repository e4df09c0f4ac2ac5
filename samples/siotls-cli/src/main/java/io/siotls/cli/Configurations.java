package io.siotls.cli;

import io.siotls.ClientAuthentication;
import io.siotls.ExternalPsk;
import io.siotls.Limits;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The TLSConfiguration a command line asks for. */
final class Configurations {

    private Configurations() {
    }

    /**
     * @throws UsageException for an unknown algorithm name or options that do not go together
     * @throws io.siotls.alerts.TLSConfigurationException naming the file or option the engine refuses
     */
    static TLSConfiguration of(CliOptions options) throws UsageException {
        TLSConfiguration.Builder builder = options.client() ? TLSConfiguration.client() : TLSConfiguration.server();
        if (!options.suites().isEmpty()) {
            builder.cipherSuites(names(options.suites(), "--suites", CipherSuite::fromName));
        }
        if (!options.groups().isEmpty()) {
            builder.keyExchanges(names(options.groups(), "--groups", NamedGroup::fromName));
        }
        if (!options.signatureAlgorithms().isEmpty()) {
            builder.signatureAlgorithms(names(options.signatureAlgorithms(), "--sigalgs", SignatureScheme::fromName));
        }
        if (!options.alpn().isEmpty()) {
            builder.alpn(options.alpn());
        }
        trust(builder, options);
        credential(builder, options);
        if (options.psk() != null) {
            builder.externalPsks(ExternalPsk.of(options.pskIdentity(), options.psk()));
        }
        builder.pskKeWithoutForwardSecrecy(options.pskKeWithoutForwardSecrecy());
        if (options.keyLog() != null) {
            builder.logKeys(true).keyLogFile(options.keyLog());
        }
        if (options.maxEarlyData() > 0) {
            builder.maxEarlyData(options.maxEarlyData());
        }
        if (options.handshakeTimeout() != null) {
            builder.limits(Limits.DEFAULTS.withMaxHandshakeDuration(options.handshakeTimeout()));
        }
        return builder.build();
    }

    private static void credential(TLSConfiguration.Builder builder, CliOptions options) throws UsageException {
        if (options.certificateChain() != null && options.publicKey() != null) {
            throw new UsageException("--cert and --pubkey cannot be given together: a side has a certificate or a raw key");
        }
        if ((options.certificateChain() != null || options.publicKey() != null) && options.privateKey() == null) {
            throw new UsageException("--cert and --pubkey need --key");
        }
        if (options.privateKey() != null) {
            builder.privateKey(options.privateKey(), options.password() == null ? null : options.password().toCharArray());
        }
        if (options.certificateChain() != null) {
            builder.certificateChain(options.certificateChain());
        }
        if (options.publicKey() != null) {
            builder.publicKey(options.publicKey());
        }
    }

    private static void trust(TLSConfiguration.Builder builder, CliOptions options) throws UsageException {
        if (options.insecure()) {
            if (!options.client()) {
                throw new UsageException("--insecure is for client");
            }
            if (options.caFile() != null || !options.trustedKeys().isEmpty()) {
                throw new UsageException("--insecure cannot be given with --cafile or --trusted-key");
            }
            builder.insecureNoPeerVerification();
        }
        if (options.caFile() != null) {
            builder.truststore(options.caFile());
        }
        if (!options.trustedKeys().isEmpty()) {
            builder.trustedPublicKeys(options.trustedKeys().toArray(Path[]::new));
        }
        if (options.verifyClient() != null) {
            builder.clientAuthentication(switch (options.verifyClient()) {
                case "want" -> ClientAuthentication.OPTIONAL;
                case "need" -> ClientAuthentication.REQUIRED;
                default -> ClientAuthentication.NONE;
            });
        }
    }

    private static <T> List<T> names(List<String> names, String option, Function<String, T> fromName)
            throws UsageException {
        List<T> values = new ArrayList<>();
        for (String name : names) {
            try {
                values.add(fromName.apply(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        return values;
    }
}
