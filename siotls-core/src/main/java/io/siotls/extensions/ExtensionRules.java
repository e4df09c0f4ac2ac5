package io.siotls.extensions;

import static io.siotls.extensions.ExtensionContext.CERTIFICATE;
import static io.siotls.extensions.ExtensionContext.CERTIFICATE_REQUEST;
import static io.siotls.extensions.ExtensionContext.CLIENT_HELLO;
import static io.siotls.extensions.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static io.siotls.extensions.ExtensionContext.HELLO_RETRY_REQUEST;
import static io.siotls.extensions.ExtensionContext.NEW_SESSION_TICKET;
import static io.siotls.extensions.ExtensionContext.SERVER_HELLO;

import io.siotls.iana.ExtensionType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The table of RFC 8446 §4.2 (and the RFCs defining later extensions) telling in which messages
 * each extension may appear. Extensions defined for TLS 1.2 only may appear in a ClientHello,
 * which must be able to offer older versions, but nowhere else.
 */
final class ExtensionRules {

    private static final Map<ExtensionType, Set<ExtensionContext>> ALLOWED = new EnumMap<>(ExtensionType.class);

    static {
        allow(ExtensionType.SERVER_NAME, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.MAX_FRAGMENT_LENGTH, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.STATUS_REQUEST, CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE);
        allow(ExtensionType.SUPPORTED_GROUPS, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.SIGNATURE_ALGORITHMS, CLIENT_HELLO, CERTIFICATE_REQUEST);
        allow(ExtensionType.USE_SRTP, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.HEARTBEAT, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE);
        allow(ExtensionType.CLIENT_CERTIFICATE_TYPE, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.SERVER_CERTIFICATE_TYPE, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.PADDING, CLIENT_HELLO);
        allow(ExtensionType.RECORD_SIZE_LIMIT, CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
        allow(ExtensionType.PRE_SHARED_KEY, CLIENT_HELLO, SERVER_HELLO);
        allow(ExtensionType.EARLY_DATA, CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET);
        allow(ExtensionType.SUPPORTED_VERSIONS, CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST);
        allow(ExtensionType.COOKIE, CLIENT_HELLO, HELLO_RETRY_REQUEST);
        allow(ExtensionType.PSK_KEY_EXCHANGE_MODES, CLIENT_HELLO);
        allow(ExtensionType.CERTIFICATE_AUTHORITIES, CLIENT_HELLO, CERTIFICATE_REQUEST);
        allow(ExtensionType.OID_FILTERS, CERTIFICATE_REQUEST);
        allow(ExtensionType.POST_HANDSHAKE_AUTH, CLIENT_HELLO);
        allow(ExtensionType.SIGNATURE_ALGORITHMS_CERT, CLIENT_HELLO, CERTIFICATE_REQUEST);
        allow(ExtensionType.KEY_SHARE, CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST);
        allow(ExtensionType.EC_POINT_FORMATS, CLIENT_HELLO);
        allow(ExtensionType.ENCRYPT_THEN_MAC, CLIENT_HELLO);
        allow(ExtensionType.EXTENDED_MASTER_SECRET, CLIENT_HELLO);
        allow(ExtensionType.SESSION_TICKET, CLIENT_HELLO);
        allow(ExtensionType.RENEGOTIATION_INFO, CLIENT_HELLO);
    }

    private ExtensionRules() {
    }

    private static void allow(ExtensionType type, ExtensionContext first, ExtensionContext... rest) {
        ALLOWED.put(type, EnumSet.of(first, rest));
    }

    static boolean allowedIn(ExtensionType type, ExtensionContext context) {
        Set<ExtensionContext> allowed = ALLOWED.get(type);
        return allowed != null && allowed.contains(context);
    }
}
