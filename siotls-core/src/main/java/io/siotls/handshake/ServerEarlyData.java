package io.siotls.handshake;

import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import java.util.Objects;

/**
 * The server's decision on a ClientHello's early_data, RFC 8446 §4.2.10: its 0-RTT data is
 * accepted only when this connection takes early data, the first identity's ticket was resumed
 * (its binder verified, its age within the freshness window, its server name the one asked for:
 * {@link OfferedTickets}), the ticket announced early data no larger than this server takes now,
 * the cipher suite and the ALPN protocol are the ticket's, and the strike register has not seen
 * the ticket before (§8). Anything else rejects the early data, which is then skipped; the
 * handshake goes on either way.
 */
final class ServerEarlyData {

    private ServerEarlyData() {
    }

    /**
     * Whether the early data of {@code hello}, a first ClientHello, is accepted. The strike
     * register is consulted last, so that only accepted early data uses up its ticket.
     *
     * @param alpn the application protocol this handshake negotiated, or {@code null}
     */
    static boolean accepts(Context context, ClientHello hello, AcceptedTicket ticket, CipherSuite suite, String alpn) {
        if (context.maxEarlyData() == 0 || !hello.extensions().contains(ExtensionType.EARLY_DATA)) {
            return false;
        }
        SessionState session = ticket.session();
        boolean fits = ticket.index() == 0
                && session.maxEarlyData() > 0 && session.maxEarlyData() <= context.maxEarlyData()
                && session.suite() == suite
                && Objects.equals(session.alpn(), alpn);
        if (!fits) {
            return false;
        }
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        return context.config().earlyDataReplayGuard()
                .firstUse(offer.identities().get(0).identity(), context.clock().instant());
    }
}
