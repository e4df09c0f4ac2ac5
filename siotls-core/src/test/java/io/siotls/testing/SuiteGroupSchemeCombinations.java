package io.siotls.testing;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The handshakes every peer is tried over: each suite × {X25519, secp256r1} × each signature
 * scheme with the key type that signs with it, as (suite, group, scheme, key type) arguments.
 */
public final class SuiteGroupSchemeCombinations {

    private SuiteGroupSchemeCombinations() {
    }

    /** Each combination as the arguments of a parameterized test. */
    public static Stream<Arguments> all() {
        List<Arguments> combinations = new ArrayList<>();
        for (CipherSuite suite : List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
            for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.SECP256R1)) {
                combinations.add(Arguments.of(suite, group, SignatureScheme.ECDSA_SECP256R1_SHA256, KeyType.EC_P256));
                combinations.add(Arguments.of(suite, group, SignatureScheme.ED25519, KeyType.ED25519));
                combinations.add(Arguments.of(suite, group, SignatureScheme.RSA_PSS_RSAE_SHA256, KeyType.RSA_2048));
                combinations.add(Arguments.of(suite, group, SignatureScheme.RSA_PSS_RSAE_SHA384, KeyType.RSA_2048));
                combinations.add(Arguments.of(suite, group, SignatureScheme.RSA_PSS_RSAE_SHA512, KeyType.RSA_2048));
            }
        }
        return combinations.stream();
    }
}
