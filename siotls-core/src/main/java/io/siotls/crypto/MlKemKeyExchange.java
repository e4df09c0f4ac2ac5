package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;

/**
 * ML-KEM-512, -768 and -1024 as TLS 1.3 groups, draft-ietf-tls-mlkem §3: the client's share is
 * its encapsulation key, the server's a ciphertext, the shared secret ML-KEM's 32 bytes. The
 * inputs are checked as FIPS 203 §7.2 and §7.3 require: exact lengths and the encapsulation
 * key's modulus check, each failure an illegal_parameter alert.
 */
final class MlKemKeyExchange implements KeyExchange {

    private final NamedGroup group;
    private final MlKemParameters parameters;
    private final MlKem backend;

    MlKemKeyExchange(NamedGroup group, MlKemParameters parameters, MlKem backend) {
        this.group = group;
        this.parameters = parameters;
        this.backend = backend;
    }

    MlKemParameters parameters() {
        return parameters;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public KeyExchangeKeyPair generate(SecureRandom random) {
        return new KeyPair(backend.generate(parameters, random));
    }

    /** The key pair of the seed d ‖ z (64 bytes) of ML-KEM.KeyGen_internal, FIPS 203 §6.1. */
    @Override
    public KeyExchangeKeyPair fromPrivateKey(byte[] privateKey) {
        return new KeyPair(BcMlKem.INSTANCE.fromSeed(parameters, privateKey));
    }

    /** Encapsulates to the client's key once it passed the checks of FIPS 203 §7.2. */
    @Override
    public ServerKeyShare respond(byte[] clientShare, SecureRandom random) {
        if (clientShare.length != parameters.encapsulationKeyLength()) {
            throw new IllegalParameter(group + " encapsulation key must be " + parameters.encapsulationKeyLength()
                    + " bytes, got " + clientShare.length);
        }
        if (!parameters.passesModulusCheck(clientShare)) {
            throw new IllegalParameter(group + " encapsulation key fails the modulus check of FIPS 203 §7.2"
                    + " (a coefficient is not below q)");
        }
        MlKem.Encapsulation encapsulation = backend.encapsulate(parameters, clientShare, random);
        return new ServerKeyShare(encapsulation.ciphertext(), encapsulation.sharedSecret());
    }

    private final class KeyPair implements KeyExchangeKeyPair {
        private final MlKem.KeyPair keys;

        KeyPair(MlKem.KeyPair keys) {
            this.keys = keys;
        }

        @Override
        public byte[] publicShare() {
            return keys.encapsulationKey();
        }

        /** Decapsulates the server's ciphertext after the length check of FIPS 203 §7.3. */
        @Override
        public byte[] sharedSecret(byte[] peerShare) {
            if (peerShare.length != parameters.ciphertextLength()) {
                throw new IllegalParameter(group + " ciphertext must be " + parameters.ciphertextLength()
                        + " bytes, got " + peerShare.length);
            }
            return keys.decapsulate(peerShare);
        }
    }
}
