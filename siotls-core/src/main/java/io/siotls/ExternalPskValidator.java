package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import java.util.List;

/**
 * Checks the external PSKs of a configuration (RFC 8446 §4.2.11): one identity per key, at most
 * one PSK on a client (it offers one), and each usable with a cipher suite the configuration
 * enables and the backend supports. Keys and identities were checked when each was made
 * ({@link ExternalPsk#of}).
 */
final class ExternalPskValidator {

    private final Side side;
    private final CryptoProvider crypto;
    private final List<CipherSuite> cipherSuites;
    private final List<ExternalPsk> psks;

    ExternalPskValidator(Side side, CryptoProvider crypto, List<CipherSuite> cipherSuites, List<ExternalPsk> psks) {
        this.side = side;
        this.crypto = crypto;
        this.cipherSuites = cipherSuites;
        this.psks = psks;
    }

    void validate() {
        if (side == Side.CLIENT && psks.size() > 1) {
            throw failure(ConfigurationProblem.OUT_OF_RANGE, "a client offers one external PSK, "
                    + psks.size() + " are given");
        }
        for (int i = 0; i < psks.size(); i++) {
            ExternalPsk psk = psks.get(i);
            for (int j = 0; j < i; j++) {
                if (psks.get(j).hasIdentity(psk.identity())) {
                    throw failure(ConfigurationProblem.DUPLICATE, "external_psks lists identity '"
                            + psk.printableIdentity() + "' twice: the server could not tell which key it names");
                }
            }
            boolean usable = cipherSuites.stream().anyMatch(suite -> psk.fits(suite) && crypto.supports(suite));
            if (!usable) {
                throw failure(ConfigurationProblem.UNSUPPORTED, "external PSK '" + psk.printableIdentity()
                        + "' is for " + (psk.cipherSuite() == null ? psk.hashAlgorithm() + " suites"
                        : psk.cipherSuite().ianaName()) + ", and cipher_suites " + cipherSuites + " has none");
            }
        }
    }

    private InvalidConfigurationException failure(ConfigurationProblem problem, String message) {
        return new InvalidConfigurationException(side, ConfigurationOption.EXTERNAL_PSKS, problem, message);
    }
}
