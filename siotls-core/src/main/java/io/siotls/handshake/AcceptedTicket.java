package io.siotls.handshake;

import io.siotls.keyschedule.EarlySecret;

/**
 * The ticket a server resumes, RFC 8446 §4.2.11: its index among the client's identities (the
 * ServerHello's selected_identity), the session it holds, and the Early Secret of its PSK, whose
 * binder was verified.
 */
record AcceptedTicket(int index, SessionState session, EarlySecret earlySecret) implements AcceptedPsk {
}
