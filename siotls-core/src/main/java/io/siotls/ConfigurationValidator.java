package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.IanaCode;
import io.siotls.iana.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javax.security.auth.x500.X500Principal;

/** Checks a {@link TLSConfiguration.Builder}'s settings, failing with a message naming the option. */
final class ConfigurationValidator {

    private static final String EXPECTED_ORDER = "expected the end-entity certificate first, each certificate"
            + " followed by the one that issued it (RFC 8446 §4.4.2)";

    private static final byte[] PROBE = "siotls key pair probe".getBytes(StandardCharsets.US_ASCII);

    private final TLSConfiguration.Builder builder;
    private final CryptoProvider crypto;

    ConfigurationValidator(TLSConfiguration.Builder builder) {
        this.builder = builder;
        this.crypto = builder.crypto();
    }

    void validate() {
        try {
            requireSupported(ConfigurationOption.CIPHER_SUITES, builder.cipherSuites(), crypto::supports, crypto);
            requireSupported(ConfigurationOption.KEY_EXCHANGES, builder.keyExchanges(), crypto::supports, crypto);
            requireSupported(ConfigurationOption.SIGNATURE_ALGORITHMS, builder.signatureAlgorithms(), crypto::supports,
                    crypto);
            requireAllowedInHandshake(ConfigurationOption.SIGNATURE_ALGORITHMS, builder.signatureAlgorithms());
            requireAllowedInHandshake(ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS,
                    builder.privateKeySignatureAlgorithms());
            validateAlpn(builder.alpn());
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (TLSConfigurationException e) {
            throw new InvalidConfigurationException(builder.side(), e);
        }
        validateKeyMaterial();
    }

    /** {@code values}, copied, when it is neither empty nor lists a value twice. */
    static <T extends IanaCode> List<T> distinctNonEmpty(ConfigurationOption option, List<T> values) {
        if (values.isEmpty()) {
            throw new TLSConfigurationException(option, ConfigurationProblem.EMPTY, option + " must not be empty");
        }
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw new TLSConfigurationException(option, ConfigurationProblem.DUPLICATE, option + " lists " + value.ianaName() + " twice");
            }
        }
        return List.copyOf(values);
    }

    static <T extends IanaCode> void requireSupported(ConfigurationOption option, List<T> values,
            Predicate<T> supported, CryptoProvider crypto) {
        distinctNonEmpty(option, values);
        for (T value : values) {
            if (!supported.test(value)) {
                throw new TLSConfigurationException(option, ConfigurationProblem.UNSUPPORTED, option + ": " + value.ianaName()
                        + " is not supported by the crypto backend " + crypto.getClass().getSimpleName());
            }
        }
    }

    static void requireAllowedInHandshake(ConfigurationOption option, List<SignatureScheme> schemes) {
        for (SignatureScheme scheme : schemes) {
            if (!scheme.allowedInCertificateVerify()) {
                throw new TLSConfigurationException(option, ConfigurationProblem.NOT_ALLOWED_IN_HANDSHAKE, option + ": " + scheme.ianaName()
                        + " is only allowed in certificates, TLS 1.3 forbids it in CertificateVerify (RFC 8446 §4.2.3)");
            }
        }
    }

    static void validateAlpn(List<String> protocols) {
        Set<String> seen = new HashSet<>();
        for (String protocol : protocols) {
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(protocol)) {
                throw new TLSConfigurationException(ConfigurationOption.ALPN, ConfigurationProblem.MALFORMED,
                        "alpn: protocol '" + protocol + "' is not a byte string");
            }
            if (protocol.isEmpty() || protocol.length() > 255) {
                throw new TLSConfigurationException(ConfigurationOption.ALPN, ConfigurationProblem.OUT_OF_RANGE,
                        "alpn: protocol '" + protocol + "' must be 1 to 255 bytes long");
            }
            if (!seen.add(protocol)) {
                throw new TLSConfigurationException(ConfigurationOption.ALPN, ConfigurationProblem.DUPLICATE,
                        "alpn lists '" + protocol + "' twice");
            }
        }
    }

    private void validateKeyMaterial() {
        PrivateKey privateKey = builder.privateKey();
        boolean hasChain = !builder.certificateChain().isEmpty();
        PublicKey publicKey = builder.publicKey();
        List<SigningChain> chains = builder.allSigningChains();
        if (builder.side() == Side.SERVER && chains.isEmpty() && builder.signingChainSelectorOption() == null
                && (privateKey == null || publicKey == null) && builder.externalPsks().isEmpty()) {
            throw failure(ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.MISSING,
                    "private_key is mandatory server-side (with certificate_chain or public_key), unless the server"
                    + " authenticates with external_psks only");
        }
        if (privateKey == null && (hasChain || publicKey != null)) {
            ConfigurationOption option = hasChain ? ConfigurationOption.CERTIFICATE_CHAIN
                    : ConfigurationOption.PUBLIC_KEY;
            throw failure(option, ConfigurationProblem.INCOMPLETE,
                    option + " is set but private_key is not: this side could not prove it owns it");
        }
        if (privateKey != null && !hasChain && publicKey == null) {
            throw failure(ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.INCOMPLETE,
                    "private_key is set but neither certificate_chain nor public_key is");
        }
        for (int i = 0; i < chains.size(); i++) {
            SigningChain chain = chains.get(i);
            boolean main = i == 0 && hasChain;
            requireChainMatch(main ? ConfigurationOption.CERTIFICATE_CHAIN : ConfigurationOption.SIGNING_CHAIN,
                    chain, main ? "certificate_chain" : "signing chain " + chain);
        }
        if (publicKey != null) {
            requireMatch(ConfigurationOption.PUBLIC_KEY, privateKey, publicKey, "public_key");
        }
        validateClientAuthentication();
        if (builder.ocspResponseOption() != null && builder.side() != Side.SERVER) {
            throw failure(ConfigurationOption.OCSP_RESPONSE, ConfigurationProblem.WRONG_SIDE,
                    "ocsp_response is a server-side option");
        }
        if (builder.requestOcspStaplingOption() && builder.side() != Side.CLIENT) {
            throw failure(ConfigurationOption.REQUEST_OCSP_STAPLING, ConfigurationProblem.WRONG_SIDE,
                    "request_ocsp_stapling is a client-side option");
        }
    }

    private void validateClientAuthentication() {
        ClientAuthentication policy = builder.clientAuthentication();
        if (policy == null) {
            return;
        }
        if (builder.side() == Side.CLIENT) {
            throw failure(ConfigurationOption.CLIENT_AUTHENTICATION, ConfigurationProblem.WRONG_SIDE,
                    "client_authentication is a server-side option");
        }
        requireTrustForClients(policy, builder.hasTrustMaterial());
    }

    /** Client authentication other than NONE needs a truststore or trusted public keys. */
    static void requireTrustForClients(ClientAuthentication policy, boolean hasTrustMaterial) {
        if (policy != ClientAuthentication.NONE && !hasTrustMaterial) {
            throw new TLSConfigurationException(ConfigurationOption.CLIENT_AUTHENTICATION, ConfigurationProblem.INCOMPLETE,
                    "client_authentication=" + policy.name().toLowerCase(Locale.ROOT)
                    + " needs a truststore or trusted_public_keys to verify clients with");
        }
    }

    /**
     * Signs a probe with {@code privateKey} and checks it with {@code publicKey}.
     *
     * @param option the option holding {@code publicKey}
     */
    private void requireMatch(ConfigurationOption option, PrivateKey privateKey, PublicKey publicKey, String what) {
        SignatureScheme scheme = probeScheme(privateKey);
        byte[] signature = crypto.sign(scheme, privateKey, PROBE, new SecureRandom());
        if (!verifies(scheme, publicKey, signature)) {
            throw failure(option, ConfigurationProblem.KEY_MISMATCH, "private_key does not match " + what);
        }
    }

    /**
     * Checks that the chain's private key is that of its first certificate and that each
     * certificate is followed by its issuer; a key matching another certificate of the chain, or
     * an issuer found later in the chain, is reported as a chain out of order.
     */
    private void requireChainMatch(ConfigurationOption option, SigningChain chain, String chainName) {
        List<X509Certificate> certificates = chain.chain();
        PrivateKey privateKey = chain.privateKey();
        SignatureScheme scheme = probeScheme(privateKey);
        byte[] signature = crypto.sign(scheme, privateKey, PROBE, new SecureRandom());
        if (!verifies(scheme, certificates.get(0).getPublicKey(), signature)) {
            for (int i = 1; i < certificates.size(); i++) {
                if (verifies(scheme, certificates.get(i).getPublicKey(), signature)) {
                    throw failure(option, ConfigurationProblem.WRONG_ORDER, chainName + " is out of order: the"
                            + " end-entity certificate (that of private_key, " + subject(certificates.get(i))
                            + ") is at " + chainName + "[" + i + "], not first (" + chainName + "[0] is "
                            + subject(certificates.get(0)) + "); " + EXPECTED_ORDER);
                }
            }
            String first = option == ConfigurationOption.CERTIFICATE_CHAIN ? chainName + "[0]" : chainName;
            throw failure(option, ConfigurationProblem.KEY_MISMATCH, "private_key does not match the public key of "
                    + first + " (" + subject(certificates.get(0)) + ")");
        }
        requireIssuerOrder(option, certificates, chainName);
    }

    /** Fails when a certificate is not followed by its issuer though the issuer is further down the chain. */
    private void requireIssuerOrder(ConfigurationOption option, List<X509Certificate> certificates, String chainName) {
        for (int i = 0; i + 1 < certificates.size(); i++) {
            X509Certificate certificate = certificates.get(i);
            X500Principal issuer = certificate.getIssuerX500Principal();
            if (issuer.equals(certificate.getSubjectX500Principal())
                    || issuer.equals(certificates.get(i + 1).getSubjectX500Principal())) {
                continue;
            }
            for (int j = i + 2; j < certificates.size(); j++) {
                if (issuer.equals(certificates.get(j).getSubjectX500Principal())) {
                    throw failure(option, ConfigurationProblem.WRONG_ORDER, chainName + " is out of order: "
                            + chainName + "[" + i + "] (" + subject(certificate) + ") is issued by " + chainName
                            + "[" + j + "] (" + subject(certificates.get(j)) + "), not by the next certificate "
                            + chainName + "[" + (i + 1) + "] (" + subject(certificates.get(i + 1)) + "); "
                            + EXPECTED_ORDER);
                }
            }
        }
    }

    private SignatureScheme probeScheme(PrivateKey privateKey) {
        return builder.privateKeySignatureAlgorithms().stream()
                .filter(s -> crypto.supports(s) && crypto.keyFits(s, privateKey))
                .findFirst()
                .orElseThrow(() -> failure(ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.KEY_CANNOT_SIGN,
                        "private_key: a " + privateKey.getAlgorithm()
                        + " key can sign with none of private_key_signature_algorithms "
                        + builder.privateKeySignatureAlgorithms()));
    }

    private boolean verifies(SignatureScheme scheme, PublicKey publicKey, byte[] signature) {
        try {
            return crypto.verify(scheme, publicKey, PROBE, signature);
        } catch (RuntimeException e) {
            return false; // a public key of another type than the scheme's
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private InvalidConfigurationException failure(ConfigurationOption option, ConfigurationProblem problem,
            String message) {
        return new InvalidConfigurationException(builder.side(), option, problem, message);
    }
}
