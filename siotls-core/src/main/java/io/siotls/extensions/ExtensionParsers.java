package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;

/** Chooses the parser of each extension type; unknown or uninterpreted types stay raw. */
final class ExtensionParsers {

    private ExtensionParsers() {
    }

    static Extension parse(int typeCode, ExtensionType type, TLSReader data, ExtensionContext context) {
        if (type == null) {
            return new UnknownExtension(typeCode, data.readRemaining());
        }
        return switch (type) {
            case SERVER_NAME -> ServerNameExtension.parse(data, context);
            case SUPPORTED_VERSIONS -> SupportedVersionsExtension.parse(data, context);
            case SUPPORTED_GROUPS -> SupportedGroupsExtension.parse(data);
            case SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS_CERT -> SignatureAlgorithmsExtension.parse(typeCode, data);
            case KEY_SHARE -> KeyShareExtension.parse(data, context);
            case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> ALPNExtension.parse(data, context);
            case RECORD_SIZE_LIMIT -> RecordSizeLimitExtension.parse(data);
            case PSK_KEY_EXCHANGE_MODES -> PskKeyExchangeModesExtension.parse(data);
            case PRE_SHARED_KEY -> PreSharedKeyExtension.parse(data, context);
            case CERTIFICATE_AUTHORITIES -> CertificateAuthoritiesExtension.parse(data);
            case COOKIE -> CookieExtension.parse(data);
            case MAX_FRAGMENT_LENGTH -> MaxFragmentLengthExtension.parse(data);
            case STATUS_REQUEST -> StatusRequestExtension.parse(data, context);
            case HEARTBEAT -> HeartbeatExtension.parse(data);
            case POST_HANDSHAKE_AUTH -> PostHandshakeAuthExtension.parse(data);
            case CLIENT_CERTIFICATE_TYPE, SERVER_CERTIFICATE_TYPE -> CertificateTypeExtension.parse(typeCode, data, context);
            default -> new UnknownExtension(typeCode, data.readRemaining());
        };
    }
}
