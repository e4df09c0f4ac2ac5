package io.siotls.handshake;

import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.SigningChainSelector;
import io.siotls.TLSConfiguration;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.SignatureScheme;
import io.siotls.trust.HostnameVerifier;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * Picks the chain a side authenticates with and the scheme it signs with: the Java form of the
 * SNIServerCertificates and ClientCertificateStore of the Python TLS API draft.
 */
final class CredentialSelector {

    /** A chosen chain and the scheme its key signs CertificateVerify with. */
    record Choice(SigningChain chain, SignatureScheme scheme) {
    }

    private final ConnectionPolicy policy;
    private final TLSConfiguration config;
    private final CryptoProvider crypto;

    CredentialSelector(ConnectionPolicy policy) {
        this.policy = policy;
        this.config = policy.config();
        this.crypto = config.crypto();
    }

    /**
     * Server-side: among the chains whose end-entity names {@code serverName} (exactly first,
     * then by wildcard; every chain when none does, or without SNI), the first whose key signs
     * with a scheme the client accepts. Null when none can.
     */
    Choice forServer(String serverName, List<Integer> clientSchemes) {
        List<SigningChain> candidates = config.signingChains();
        if (serverName != null) {
            List<SigningChain> exact = new ArrayList<>();
            List<SigningChain> wildcard = new ArrayList<>();
            for (SigningChain chain : candidates) {
                if (namesExactly(chain.leaf(), serverName)) {
                    exact.add(chain);
                } else if (HostnameVerifier.matches(chain.leaf(), serverName)) {
                    wildcard.add(chain);
                }
            }
            List<SigningChain> named = new ArrayList<>(exact);
            named.addAll(wildcard);
            Choice choice = firstSigning(named, clientSchemes);
            if (choice != null) {
                return choice;
            }
        }
        return firstSigning(candidates, clientSchemes);
    }

    /**
     * Client-side: the first chain issued by one of {@code authorities} (any chain when the
     * server names none) whose key signs with a scheme the server accepts. Null when none can.
     */
    Choice forClient(List<X500Principal> authorities, List<Integer> serverSchemes) {
        List<SigningChain> candidates = config.signingChains().stream()
                .filter(chain -> authorities == null || authorities.isEmpty() || issuedByOneOf(chain, authorities))
                .toList();
        return firstSigning(candidates, serverSchemes);
    }

    /** The chain an integration's hook picks, with the scheme its key signs with; null when none fits. */
    Choice fromHook(SigningChainSelector hook, Side side, String serverName, List<Integer> acceptedSchemes,
            List<X500Principal> authorities) {
        List<SignatureScheme> known = acceptedSchemes.stream().map(SignatureScheme::fromCode)
                .filter(Objects::nonNull).toList();
        SigningChain chain = hook.select(new SigningChainSelector.Request(side, serverName, known,
                authorities == null ? List.of() : authorities));
        if (chain == null) {
            return null;
        }
        SignatureScheme scheme = schemeFor(chain.privateKey(), acceptedSchemes);
        return scheme == null ? null : new Choice(chain, scheme);
    }

    private Choice firstSigning(List<SigningChain> chains, List<Integer> acceptedSchemes) {
        for (SigningChain chain : chains) {
            SignatureScheme scheme = schemeFor(chain, acceptedSchemes);
            if (scheme != null) {
                return new Choice(chain, scheme);
            }
        }
        return null;
    }

    private SignatureScheme schemeFor(SigningChain chain, List<Integer> acceptedSchemes) {
        return schemeFor(chain.privateKey(), acceptedSchemes);
    }

    /** The first of this side's private key schemes that the peer accepts and that fits {@code key}. */
    SignatureScheme schemeFor(PrivateKey key, List<Integer> acceptedSchemes) {
        for (SignatureScheme scheme : policy.privateKeySignatureAlgorithms()) {
            if (acceptedSchemes.contains(scheme.code()) && crypto.supports(scheme) && crypto.keyFits(scheme, key)) {
                return scheme;
            }
        }
        return null;
    }

    private static boolean namesExactly(X509Certificate leaf, String serverName) {
        try {
            if (leaf.getSubjectAlternativeNames() == null) {
                return false;
            }
            return leaf.getSubjectAlternativeNames().stream()
                    .anyMatch(name -> Integer.valueOf(2).equals(name.get(0))
                            && serverName.equalsIgnoreCase(String.valueOf(name.get(1))));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean issuedByOneOf(SigningChain chain, List<X500Principal> authorities) {
        for (X509Certificate certificate : chain.chain()) {
            if (authorities.contains(certificate.getIssuerX500Principal())
                    || authorities.contains(certificate.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }
}
