package io.siotls.spring.autoconfigure.jsse;

import io.siotls.Limits;
import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import io.siotls.spring.autoconfigure.SiotlsServerProperties;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import java.util.Arrays;
import java.util.List;

/** Refuses the options SunJSSE cannot honour, naming the property and why. */
final class JsseLimits {

    private JsseLimits() {
    }

    /**
     * Fails on the first option of {@code configuration} (or, for algorithm lists, of
     * {@code properties}) that SunJSSE cannot honour; {@code prefix} is the side's property prefix.
     */
    static void check(TLSConfiguration configuration, SiotlsSideProperties properties, String prefix,
            List<String> supportedCipherSuites) {
        refuse(configuration.publicKey() != null, prefix + ".public-key", "SunJSSE has no raw public keys (RFC 7250)");
        refuse(!configuration.trustedPublicKeys().isEmpty(), prefix + ".trusted-public-keys",
                "SunJSSE has no raw public keys (RFC 7250)");
        refuse(configuration.logKeys(), prefix + ".log-keys", "SunJSSE cannot write a key log");
        refuse(configuration.maxFragmentLength() != MaxFragmentLength.MAX_16384, prefix + ".max-fragment-length",
                "SunJSSE negotiates max_fragment_length only through the jsse.enableMFLNExtension system property");
        refuse(!properties.getKeyExchanges().isEmpty(), prefix + ".key-exchanges",
                "SunJSSE on Java 17 takes key exchange groups only from the jdk.tls.namedGroups system property");
        refuse(!properties.getSignatureAlgorithms().isEmpty(), prefix + ".signature-algorithms",
                "SunJSSE on Java 17 takes signature schemes only from the jdk.tls.client.SignatureSchemes and "
                        + "jdk.tls.server.SignatureSchemes system properties");
        refuse(!properties.getPrivateKeySignatureAlgorithms().isEmpty(), prefix + ".private-key-signature-algorithms",
                "SunJSSE chooses the schemes its keys sign with itself");
        if (configuration.side() == Side.SERVER) {
            refuse(configuration.ocspResponse() != null, prefix + ".ocsp-response",
                    "SunJSSE staples only responses it fetches itself (jdk.tls.server.enableStatusRequestExtension)");
            refuse(!configuration.sendCertificateAuthorities(), prefix + ".send-certificate-authorities",
                    "SunJSSE always names the trust manager's accepted issuers in its CertificateRequest");
            refuse(configuration.sessionTickets() != TLSConfiguration.DEFAULT_SESSION_TICKETS
                    || !configuration.sessionTicketLifetime().equals(TLSConfiguration.DEFAULT_SESSION_TICKET_LIFETIME),
                    prefix + ".session-tickets", "SunJSSE issues its own tickets, configured only through its"
                            + " SSLSessionContext and system properties");
            if (properties instanceof SiotlsServerProperties server) {
                refuse(server.getSessionTickets().getKeyFile() != null, prefix + ".session-tickets.key-file",
                        "SunJSSE seals its tickets with keys of its own, which cannot be shared");
                refuse(server.getSessionTickets().getRotationPeriod() != null, prefix + ".session-tickets.rotation-period",
                        "SunJSSE rotates its ticket keys itself (jdk.tls.server.statelessKeyTimeout)");
                refuse(server.getSessionTickets().isPskKeWithoutForwardSecrecy(),
                        prefix + ".session-tickets.psk-ke-without-forward-secrecy",
                        "SunJSSE resumes with psk_dhe_ke only");
            }
        } else {
            refuse(configuration.requestOcspStapling(), prefix + ".request-ocsp-stapling",
                    "SunJSSE asks for stapling only through the jdk.tls.client.enableStatusRequestExtension system property");
            refuse(configuration.insecureNoPeerVerification(), prefix + ".insecure-no-peer-verification",
                    "the jsse implementation always verifies servers");
        }
        Limits limitsButTheTimeout = configuration.limits().withMaxHandshakeDuration(Limits.DEFAULTS.maxHandshakeDuration());
        refuse(!limitsButTheTimeout.equals(Limits.DEFAULTS), prefix + ".limits",
                "SunJSSE bounds handshake messages and chains only JVM-wide (jdk.tls.maxHandshakeMessageSize, "
                        + "jdk.tls.maxCertificateChainLength) and has none of the other limits");
        List<String> tls13 = Arrays.stream(CipherSuite.values()).map(CipherSuite::ianaName)
                .filter(supportedCipherSuites::contains).toList();
        for (int i = 0; i < configuration.cipherSuites().size(); i++) {
            String suite = configuration.cipherSuites().get(i).ianaName();
            refuse(!tls13.contains(suite), prefix + ".cipher-suites[" + i + "]",
                    "SunJSSE does not support " + suite + ", only " + String.join(", ", tls13));
        }
    }

    private static void refuse(boolean unsupported, String property, String reason) {
        if (unsupported) {
            throw new SiotlsPropertyException(property, "cannot be honoured by siotls.implementation=jsse: " + reason,
                    "Remove " + property + ", or set siotls.implementation to siotls.");
        }
    }
}
