package io.siotls;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.IanaCode;
import io.siotls.iana.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a {@link TLSConfiguration.Builder}'s settings, failing with a message naming the option. */
final class ConfigurationValidator {

    private static final byte[] PROBE = "siotls key pair probe".getBytes(StandardCharsets.US_ASCII);

    private final TLSConfiguration.Builder builder;
    private final CryptoProvider crypto;

    ConfigurationValidator(TLSConfiguration.Builder builder) {
        this.builder = builder;
        this.crypto = builder.crypto();
    }

    void validate() {
        requireSupported("cipher_suites", builder.cipherSuites(), crypto::supports, crypto);
        requireSupported("key_exchanges", builder.keyExchanges(), crypto::supports, crypto);
        requireSupported("signature_algorithms", builder.signatureAlgorithms(), crypto::supports, crypto);
        requireAllowedInHandshake("signature_algorithms", builder.signatureAlgorithms());
        requireAllowedInHandshake("private_key_signature_algorithms", builder.privateKeySignatureAlgorithms());
        validateAlpn(builder.alpn());
        validateKeyMaterial();
    }

    /** {@code values}, copied, when it is neither empty nor lists a value twice. */
    static <T extends IanaCode> List<T> distinctNonEmpty(String option, List<T> values) {
        if (values.isEmpty()) {
            throw new TLSConfigurationException(option + " must not be empty");
        }
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw new TLSConfigurationException(option + " lists " + value.ianaName() + " twice");
            }
        }
        return List.copyOf(values);
    }

    static <T extends IanaCode> void requireSupported(String option, List<T> values, Predicate<T> supported,
            CryptoProvider crypto) {
        distinctNonEmpty(option, values);
        for (T value : values) {
            if (!supported.test(value)) {
                throw new TLSConfigurationException(option + ": " + value.ianaName()
                        + " is not supported by the crypto backend " + crypto.getClass().getSimpleName());
            }
        }
    }

    static void requireAllowedInHandshake(String option, List<SignatureScheme> schemes) {
        for (SignatureScheme scheme : schemes) {
            if (!scheme.allowedInCertificateVerify()) {
                throw new TLSConfigurationException(option + ": " + scheme.ianaName()
                        + " is only allowed in certificates, TLS 1.3 forbids it in CertificateVerify (RFC 8446 §4.2.3)");
            }
        }
    }

    static void validateAlpn(List<String> protocols) {
        Set<String> seen = new HashSet<>();
        for (String protocol : protocols) {
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(protocol)) {
                throw new TLSConfigurationException("alpn: protocol '" + protocol + "' is not a byte string");
            }
            if (protocol.isEmpty() || protocol.length() > 255) {
                throw new TLSConfigurationException("alpn: protocol '" + protocol + "' must be 1 to 255 bytes long");
            }
            if (!seen.add(protocol)) {
                throw new TLSConfigurationException("alpn lists '" + protocol + "' twice");
            }
        }
    }

    private void validateKeyMaterial() {
        PrivateKey privateKey = builder.privateKey();
        boolean hasChain = !builder.certificateChain().isEmpty();
        PublicKey publicKey = builder.publicKey();
        List<SigningChain> chains = builder.allSigningChains();
        if (builder.side() == Side.SERVER && chains.isEmpty() && builder.signingChainSelectorOption() == null
                && (privateKey == null || publicKey == null)) {
            throw new TLSConfigurationException("private_key is mandatory server-side (with certificate_chain or public_key)");
        }
        if (privateKey == null && (hasChain || publicKey != null)) {
            throw new TLSConfigurationException((hasChain ? "certificate_chain" : "public_key")
                    + " is set but private_key is not: this side could not prove it owns it");
        }
        if (privateKey != null && !hasChain && publicKey == null) {
            throw new TLSConfigurationException("private_key is set but neither certificate_chain nor public_key is");
        }
        for (int i = 0; i < chains.size(); i++) {
            SigningChain chain = chains.get(i);
            String name = i == 0 && hasChain ? "certificate_chain[0]" : "signing chain " + chain;
            requireMatch(chain.privateKey(), chain.leaf().getPublicKey(), "the public key of " + name + " ("
                    + chain.leaf().getSubjectX500Principal().getName() + ")");
        }
        if (publicKey != null) {
            requireMatch(privateKey, publicKey, "public_key");
        }
        validateClientAuthentication();
        if (builder.ocspResponseOption() != null && builder.side() != Side.SERVER) {
            throw new TLSConfigurationException("ocsp_response is a server-side option");
        }
        if (builder.requestOcspStaplingOption() && builder.side() != Side.CLIENT) {
            throw new TLSConfigurationException("request_ocsp_stapling is a client-side option");
        }
    }

    private void validateClientAuthentication() {
        ClientAuthentication policy = builder.clientAuthentication();
        if (policy == null) {
            return;
        }
        if (builder.side() == Side.CLIENT) {
            throw new TLSConfigurationException("client_authentication is a server-side option");
        }
        requireTrustForClients(policy, builder.hasTrustMaterial());
    }

    /** Client authentication other than NONE needs a truststore or trusted public keys. */
    static void requireTrustForClients(ClientAuthentication policy, boolean hasTrustMaterial) {
        if (policy != ClientAuthentication.NONE && !hasTrustMaterial) {
            throw new TLSConfigurationException("client_authentication=" + policy.name().toLowerCase(Locale.ROOT)
                    + " needs a truststore or trusted_public_keys to verify clients with");
        }
    }

    /** Signs a probe with {@code privateKey} and checks it with {@code publicKey}. */
    private void requireMatch(PrivateKey privateKey, PublicKey publicKey, String what) {
        SignatureScheme scheme = builder.privateKeySignatureAlgorithms().stream()
                .filter(s -> crypto.supports(s) && crypto.keyFits(s, privateKey))
                .findFirst()
                .orElseThrow(() -> new TLSConfigurationException("private_key: a " + privateKey.getAlgorithm()
                        + " key can sign with none of private_key_signature_algorithms "
                        + builder.privateKeySignatureAlgorithms()));
        byte[] signature = crypto.sign(scheme, privateKey, PROBE, new SecureRandom());
        if (!crypto.verify(scheme, publicKey, PROBE, signature)) {
            throw new TLSConfigurationException("private_key does not match " + what);
        }
    }
}
