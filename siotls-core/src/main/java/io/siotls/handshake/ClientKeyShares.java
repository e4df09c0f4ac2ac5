package io.siotls.handshake;

import io.siotls.alerts.IllegalParameter;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.iana.NamedGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key shares of one ClientHello with their key pairs, RFC 8446 §4.2.8. The first
 * ClientHello shares the first configured group and, when that one is post-quantum, the first
 * classic group too, as Chromium and OpenSSL 3.5 do: a server without ML-KEM then needs no
 * HelloRetryRequest. A second ClientHello shares the one group the HelloRetryRequest named.
 */
final class ClientKeyShares {

    private final Map<NamedGroup, KeyExchangeKeyPair> pairs = new LinkedHashMap<>();

    private ClientKeyShares() {
    }

    /** The shares of the first ClientHello. */
    static ClientKeyShares first(Context context) {
        List<NamedGroup> groups = context.policy().keyExchanges();
        ClientKeyShares shares = new ClientKeyShares();
        shares.add(context, groups.get(0));
        if (groups.get(0).isPostQuantum()) {
            groups.stream().filter(group -> !group.isPostQuantum()).findFirst()
                    .ifPresent(classic -> shares.add(context, classic));
        }
        return shares;
    }

    /** The one share a HelloRetryRequest asked for, RFC 8446 §4.1.4. */
    static ClientKeyShares retry(Context context, NamedGroup group) {
        ClientKeyShares shares = new ClientKeyShares();
        shares.add(context, group);
        return shares;
    }

    private void add(Context context, NamedGroup group) {
        pairs.put(group, context.entropy().ephemeralKeyPair(context.crypto().keyExchange(group)));
    }

    boolean contains(NamedGroup group) {
        return pairs.containsKey(group);
    }

    /** The KeyShareEntry list of the ClientHello, in the order of preference. */
    List<KeyShareEntry> entries() {
        List<KeyShareEntry> entries = new ArrayList<>();
        pairs.forEach((group, pair) -> entries.add(new KeyShareEntry(group.code(), pair.publicShare())));
        return entries;
    }

    /**
     * The shared secret with the server's share, which must be for a group shared here
     * (RFC 8446 §4.2.8: "in the same group as the KeyShareEntry value offered by the client").
     */
    byte[] sharedSecret(KeyShareEntry serverShare) {
        NamedGroup group = NamedGroup.fromCode(serverShare.group());
        KeyExchangeKeyPair pair = group == null ? null : pairs.get(group);
        if (pair == null) {
            throw new IllegalParameter("the server's key_share is for group " + serverShare.group()
                    + ", not one offered");
        }
        return pair.sharedSecret(serverShare.keyExchange());
    }
}
