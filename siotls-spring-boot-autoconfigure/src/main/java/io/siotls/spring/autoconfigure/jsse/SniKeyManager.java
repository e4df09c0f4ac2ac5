package io.siotls.spring.autoconfigure.jsse;

import io.siotls.SigningChain;
import io.siotls.trust.HostnameVerifier;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses among the signing chains of a configuration as siotls does: the first chain of the
 * requested key type whose end-entity certificate names the SNI host, else the first chain of
 * that key type. SunJSSE's own key managers rank EC certificates without the keyAgreement key
 * usage (most of them) as mismatched and then ignore SNI, hence this one. Aliases are the
 * chains' indexes.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private final List<SigningChain> chains;

    SniKeyManager(List<SigningChain> chains) {
        this.chains = List.copyOf(chains);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseClient(keyTypes);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return chooseClient(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        SigningChain chain = chain(alias);
        return chain == null ? null : chain.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        SigningChain chain = chain(alias);
        return chain == null ? null : chain.privateKey();
    }

    private String choose(String keyType, SSLSession handshake) {
        String host = requestedHost(handshake);
        String fallback = null;
        for (int i = 0; i < chains.size(); i++) {
            X509Certificate leaf = chains.get(i).leaf();
            if (fits(leaf, keyType)) {
                if (host != null && HostnameVerifier.matches(leaf, host)) {
                    return Integer.toString(i);
                }
                fallback = fallback == null ? Integer.toString(i) : fallback;
            }
        }
        return fallback;
    }

    private String chooseClient(String[] keyTypes) {
        for (String keyType : keyTypes) {
            String alias = choose(keyType, null);
            if (alias != null) {
                return alias;
            }
        }
        return null;
    }

    private String[] aliases(String keyType) {
        String[] aliases = IntStream.range(0, chains.size())
                .filter(i -> fits(chains.get(i).leaf(), keyType)).mapToObj(Integer::toString).toArray(String[]::new);
        return aliases.length == 0 ? null : aliases;
    }

    private SigningChain chain(String alias) {
        try {
            int index = Integer.parseInt(alias);
            return index >= 0 && index < chains.size() ? chains.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether SunJSSE's key type (EC, RSA, RSASSA-PSS, EdDSA...) is that of {@code leaf}'s key. */
    private static boolean fits(X509Certificate leaf, String keyType) {
        String algorithm = leaf.getPublicKey().getAlgorithm().toUpperCase(Locale.ROOT);
        String wanted = keyType.toUpperCase(Locale.ROOT);
        return algorithm.equals(wanted) || wanted.equals("EDDSA") && algorithm.startsWith("ED");
    }

    private static String requestedHost(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName hostName) {
                    return hostName.getAsciiName();
                }
            }
        }
        return null;
    }
}
