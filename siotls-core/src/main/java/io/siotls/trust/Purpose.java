package io.siotls.trust;

/** What the peer's certificate is checked for: a server's or a client's authentication. */
public enum Purpose {
    SERVER_AUTH,
    CLIENT_AUTH
}
