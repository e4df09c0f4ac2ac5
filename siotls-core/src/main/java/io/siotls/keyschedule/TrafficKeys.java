package io.siotls.keyschedule;

/** The write key and IV of one traffic secret, RFC 8446 §7.3. */
public final class TrafficKeys {

    private final byte[] key;
    private final byte[] iv;

    TrafficKeys(byte[] key, byte[] iv) {
        this.key = key;
        this.iv = iv;
    }

    public byte[] key() {
        return key;
    }

    public byte[] iv() {
        return iv;
    }

    @Override
    public String toString() {
        return "TrafficKeys{key=" + key.length + " bytes, iv=" + iv.length + " bytes}";
    }
}
