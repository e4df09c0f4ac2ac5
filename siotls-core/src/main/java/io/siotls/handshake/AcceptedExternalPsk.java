package io.siotls.handshake;

import io.siotls.ExternalPsk;
import io.siotls.keyschedule.EarlySecret;

/**
 * The external PSK a server selected, RFC 8446 §4.2.11: its index among the client's identities,
 * the PSK, and the Early Secret of its key, whose "ext binder" binder was verified.
 */
record AcceptedExternalPsk(int index, ExternalPsk psk, EarlySecret earlySecret) implements AcceptedPsk {
}
