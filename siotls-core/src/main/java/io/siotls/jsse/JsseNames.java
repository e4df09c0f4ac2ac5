package io.siotls.jsse;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names as JSSE spells them: protocols, cipher suites, key types and signature algorithms. */
final class JsseNames {

    static final String TLS13 = "TLSv1.3";
    static final String[] SUPPORTED_PROTOCOLS = {TLS13};

    private JsseNames() {
    }

    /** The names of {@code suites}: TLS 1.3 suite names are the same in JSSE and at IANA. */
    static String[] cipherSuiteNames(List<CipherSuite> suites) {
        return suites.stream().map(CipherSuite::ianaName).toArray(String[]::new);
    }

    static String[] supportedCipherSuites() {
        return cipherSuiteNames(Arrays.asList(CipherSuite.values()));
    }

    /**
     * The TLS 1.3 suites among {@code names}; names of other protocol versions are passed over
     * when at least one TLS 1.3 suite is there, as hosts often hand JSSE one list for all versions.
     *
     * @throws IllegalArgumentException when none is a TLS 1.3 suite this engine supports
     */
    static List<CipherSuite> cipherSuites(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("cipher suites must not be null");
        }
        Set<CipherSuite> suites = new LinkedHashSet<>();
        for (String name : names) {
            CipherSuite suite = name == null ? null : CipherSuite.fromCode(codeOf(name));
            if (suite != null) {
                suites.add(suite);
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("none of the cipher suites " + Arrays.toString(names)
                    + " is supported: siotls speaks TLS 1.3 only, with " + Arrays.toString(supportedCipherSuites()));
        }
        return List.copyOf(suites);
    }

    private static int codeOf(String name) {
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.ianaName().equals(name)) {
                return suite.code();
            }
        }
        return -1;
    }

    /**
     * Checks that {@code protocols} enables TLS 1.3.
     *
     * @throws IllegalArgumentException otherwise, saying what is supported
     */
    static void requireTls13(String[] protocols) {
        if (protocols == null || !Arrays.asList(protocols).contains(TLS13)) {
            throw new IllegalArgumentException("siotls supports only " + TLS13 + "; the protocols "
                    + Arrays.toString(protocols) + " do not include it");
        }
    }

    /** The JDK key manager key type of the keys that sign with {@code scheme}. */
    static String keyType(SignatureScheme scheme) {
        return switch (scheme) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512, ECDSA_SHA1 -> "EC";
            case ED25519, ED448 -> "EdDSA";
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> "RSASSA-PSS";
            default -> "RSA";
        };
    }

    /** The JDK's standard signature algorithm name for {@code scheme}, as ExtendedSSLSession lists them. */
    static String signatureAlgorithm(SignatureScheme scheme) {
        return switch (scheme) {
            case RSA_PKCS1_SHA256 -> "SHA256withRSA";
            case RSA_PKCS1_SHA384 -> "SHA384withRSA";
            case RSA_PKCS1_SHA512 -> "SHA512withRSA";
            case RSA_PKCS1_SHA1 -> "SHA1withRSA";
            case ECDSA_SECP256R1_SHA256 -> "SHA256withECDSA";
            case ECDSA_SECP384R1_SHA384 -> "SHA384withECDSA";
            case ECDSA_SECP521R1_SHA512 -> "SHA512withECDSA";
            case ECDSA_SHA1 -> "SHA1withECDSA";
            case ED25519 -> "Ed25519";
            case ED448 -> "Ed448";
            default -> "RSASSA-PSS";
        };
    }

    /**
     * The named groups SSLParameters lists, those siotls does not know left out as SunJSSE leaves
     * out those it does not support: containers pass on what clients offer (Tomcat, on JDK 20+,
     * hands each engine the client's groups, post-quantum hybrids among them).
     */
    static List<NamedGroup> knownNamedGroups(String[] names) {
        List<NamedGroup> groups = new ArrayList<>();
        for (String name : names) {
            NamedGroup group = knownGroup(name.trim().toLowerCase(Locale.ROOT));
            if (group != null && !groups.contains(group)) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static NamedGroup knownGroup(String name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return NamedGroup.fromName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The named groups a JDK property lists ({@code x25519}, {@code secp256r1}...); an unknown name fails. */
    static List<NamedGroup> namedGroups(String[] names, String origin) {
        List<NamedGroup> groups = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            NamedGroup group;
            try {
                group = NamedGroup.fromName(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** The signature schemes a JDK property or SSLParameters lists ({@code ecdsa_secp256r1_sha256}...). */
    static List<SignatureScheme> signatureSchemes(String[] names, String origin) {
        List<SignatureScheme> schemes = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            SignatureScheme scheme;
            try {
                scheme = SignatureScheme.fromName(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
            if (!schemes.contains(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }
}
