package io.siotls.handshake;

import io.siotls.keyschedule.EarlySecret;

/**
 * The PSK a server selected, RFC 8446 §4.2.11, its binder verified: a ticket of this server's or
 * an external PSK. {@link #index} is the ServerHello's selected_identity.
 */
sealed interface AcceptedPsk permits AcceptedTicket, AcceptedExternalPsk {

    int index();

    EarlySecret earlySecret();
}
