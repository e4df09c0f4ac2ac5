package io.siotls.extensions;

/**
 * One PSK the client offers, RFC 8446 §4.2.11: a ticket (or an external PSK's name) and the
 * ticket's age in milliseconds plus the ticket's ticket_age_add, modulo 2^32.
 */
public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {
}
