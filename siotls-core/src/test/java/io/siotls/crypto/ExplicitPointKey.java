package io.siotls.crypto;

import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/** An EC public key of no particular provider holding whatever point it is given, on {@code like}'s curve. */
record ExplicitPointKey(ECPublicKey like, ECPoint point) implements ECPublicKey {

    @Override
    public ECPoint getW() {
        return point;
    }

    @Override
    public String getAlgorithm() {
        return "EC";
    }

    @Override
    public String getFormat() {
        return null;
    }

    @Override
    public byte[] getEncoded() {
        return null;
    }

    @Override
    public ECParameterSpec getParams() {
        return like.getParams();
    }
}
