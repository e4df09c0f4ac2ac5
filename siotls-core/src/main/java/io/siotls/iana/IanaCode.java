package io.siotls.iana;

/** A value of an IANA TLS registry: its numeric code on the wire and its registered name. */
public interface IanaCode {

    /** The value as it is encoded on the wire. */
    int code();

    /** The name the IANA registry (and the RFC defining the value) gives it. */
    String ianaName();
}
