package io.siotls;

/** The side of a connection a configuration is for. */
public enum Side {
    CLIENT,
    SERVER;

    /** The side of the peer. */
    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
