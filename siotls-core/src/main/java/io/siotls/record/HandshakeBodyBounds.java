package io.siotls.record;

import io.siotls.iana.HandshakeType;

/**
 * The longest body each handshake message's wire format allows (RFC 8446 §4, every vector at its
 * largest). A declared length above it cannot be a well-formed message: decode_error, whatever
 * limit is configured (RFC 8446 §6.2). Types whose format allows up to 2^24-1 bytes (Certificate,
 * compressed or not) and unknown types are bounded only by the configured limit.
 */
final class HandshakeBodyBounds {

    /** Largest Hash.length among the TLS 1.3 cipher suites (SHA-384), RFC 8446 §4.4.4. */
    private static final int MAX_FINISHED = 48;
    /** No bound of its own: 2^24-1. */
    static final int UNBOUNDED = 0xffffff;

    private HandshakeBodyBounds() {
    }

    /** The longest body the wire format of handshake message {@code type} allows. */
    static int of(int type) {
        HandshakeType known = HandshakeType.fromCode(type);
        if (known == null) {
            return UNBOUNDED;
        }
        return switch (known) {
            // version, random, session id<0..32>, cipher_suites<2..2^16-2>, compression<1..2^8-1>, extensions<8..2^16-1>
            case CLIENT_HELLO -> 2 + 32 + 1 + 32 + 2 + 0xfffe + 1 + 0xff + 2 + 0xffff;
            // version, random, session id echo<0..32>, cipher suite, compression, extensions<6..2^16-1>
            case SERVER_HELLO -> 2 + 32 + 1 + 32 + 2 + 1 + 2 + 0xffff;
            // lifetime, age_add, nonce<0..255>, ticket<1..2^16-1>, extensions<0..2^16-2>
            case NEW_SESSION_TICKET -> 4 + 4 + 1 + 0xff + 2 + 0xffff + 2 + 0xfffe;
            case END_OF_EARLY_DATA -> 0;
            case ENCRYPTED_EXTENSIONS -> 2 + 0xffff;
            // certificate_request_context<0..2^8-1>, extensions<2..2^16-1>
            case CERTIFICATE_REQUEST -> 1 + 0xff + 2 + 0xffff;
            // algorithm, signature<0..2^16-1>
            case CERTIFICATE_VERIFY -> 2 + 2 + 0xffff;
            case FINISHED -> MAX_FINISHED;
            case KEY_UPDATE -> 1;
            default -> UNBOUNDED;
        };
    }

    /** The ClientHello: every legal one is accepted, whatever the configured limit (RFC 8446 §4.1.2). */
    static boolean isClientHello(int type) {
        return type == HandshakeType.CLIENT_HELLO.code();
    }
}
