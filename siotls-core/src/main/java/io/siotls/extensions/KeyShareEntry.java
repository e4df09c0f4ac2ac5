package io.siotls.extensions;

/** One KeyShareEntry, RFC 8446 §4.2.8: a group code and its public value. */
public record KeyShareEntry(int group, byte[] keyExchange) {
}
