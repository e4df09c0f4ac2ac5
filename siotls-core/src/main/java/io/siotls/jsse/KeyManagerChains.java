package io.siotls.jsse;

import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.SigningChainSelector;
import io.siotls.iana.SignatureScheme;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * Chooses the chain from a JSSE key manager, the way SunJSSE asks it: by key type, in the order
 * of the schemes the peer accepts, with the engine (for SNI) and the peer's authorities.
 */
final class KeyManagerChains implements SigningChainSelector {

    private final X509ExtendedKeyManager keyManager;
    private final SSLEngine engine;
    private final SiotlsSession handshakeSession;

    /**
     * @param engine the engine the key manager is asked for, or {@code null} for a context's
     *        engine-less configuration
     * @param handshakeSession the session to record the chosen chain and SNI name in, or {@code null}
     */
    KeyManagerChains(X509ExtendedKeyManager keyManager, SSLEngine engine, SiotlsSession handshakeSession) {
        this.keyManager = keyManager;
        this.engine = engine;
        this.handshakeSession = handshakeSession;
    }

    @Override
    public SigningChain select(Request request) {
        if (request.side() == Side.SERVER && handshakeSession != null) {
            handshakeSession.requestedServerName(request.serverName());
        }
        Set<String> keyTypes = new LinkedHashSet<>();
        for (SignatureScheme scheme : request.acceptedSchemes()) {
            if (scheme.allowedInCertificateVerify()) {
                keyTypes.add(JsseNames.keyType(scheme));
            }
        }
        X500Principal[] issuers = request.certificateAuthorities().isEmpty()
                ? null : request.certificateAuthorities().toArray(new X500Principal[0]);
        for (String keyType : keyTypes) {
            String alias = request.side() == Side.SERVER
                    ? keyManager.chooseEngineServerAlias(keyType, issuers, engine)
                    : keyManager.chooseEngineClientAlias(new String[] {keyType}, issuers, engine);
            SigningChain chain = alias == null ? null : chainOf(alias);
            if (chain != null && handshakeSession != null) {
                handshakeSession.localCertificates(chain.chain());
            }
            if (chain != null) {
                return chain;
            }
        }
        return null;
    }

    private SigningChain chainOf(String alias) {
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        PrivateKey key = keyManager.getPrivateKey(alias);
        if (chain == null || chain.length == 0 || key == null) {
            return null;
        }
        return new SigningChain(List.of(chain), key);
    }
}
