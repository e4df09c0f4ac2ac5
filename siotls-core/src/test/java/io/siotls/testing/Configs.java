package io.siotls.testing;

import io.siotls.TLSConfiguration;
import io.siotls.trust.TrustStores;
import java.util.List;

/** Configurations built from test identities. */
public final class Configs {

    private Configs() {
    }

    /** A server presenting {@code identity}. */
    public static TLSConfiguration.Builder server(Identity identity) {
        return TLSConfiguration.server()
                .privateKey(identity.privateKey())
                .certificateChain(identity.chain());
    }

    /** A client trusting {@code identity}'s root. */
    public static TLSConfiguration.Builder clientTrusting(Identity identity) {
        return TLSConfiguration.client().truststore(TrustStores.fromCertificates(List.of(identity.root())));
    }
}
