package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** Maps an alert description to its exception class. */
final class AlertExceptions {

    private AlertExceptions() {
    }

    static TLSAlertException create(AlertDescription description, String message, boolean remote, Throwable cause) {
        return switch (description) {
            case UNEXPECTED_MESSAGE -> new UnexpectedMessage(message, remote, cause);
            case BAD_RECORD_MAC -> new BadRecordMac(message, remote, cause);
            case RECORD_OVERFLOW -> new RecordOverflow(message, remote, cause);
            case HANDSHAKE_FAILURE -> new HandshakeFailure(message, remote, cause);
            case BAD_CERTIFICATE -> new BadCertificate(message, remote, cause);
            case UNSUPPORTED_CERTIFICATE -> new UnsupportedCertificate(message, remote, cause);
            case CERTIFICATE_REVOKED -> new CertificateRevoked(message, remote, cause);
            case CERTIFICATE_EXPIRED -> new CertificateExpired(message, remote, cause);
            case CERTIFICATE_UNKNOWN -> new CertificateUnknown(message, remote, cause);
            case ILLEGAL_PARAMETER -> new IllegalParameter(message, remote, cause);
            case UNKNOWN_CA -> new UnknownCA(message, remote, cause);
            case ACCESS_DENIED -> new AccessDenied(message, remote, cause);
            case DECODE_ERROR -> new DecodeError(message, remote, cause);
            case DECRYPT_ERROR -> new DecryptError(message, remote, cause);
            case PROTOCOL_VERSION -> new ProtocolVersion(message, remote, cause);
            case INSUFFICIENT_SECURITY -> new InsufficientSecurity(message, remote, cause);
            case INTERNAL_ERROR -> new InternalErrorAlert(message, remote, cause);
            case INAPPROPRIATE_FALLBACK -> new InappropriateFallback(message, remote, cause);
            case USER_CANCELED -> new UserCanceled(message, remote, cause);
            case MISSING_EXTENSION -> new MissingExtension(message, remote, cause);
            case UNSUPPORTED_EXTENSION -> new UnsupportedExtension(message, remote, cause);
            case UNRECOGNIZED_NAME -> new UnrecognizedName(message, remote, cause);
            case BAD_CERTIFICATE_STATUS_RESPONSE -> new BadCertificateStatusResponse(message, remote, cause);
            case UNKNOWN_PSK_IDENTITY -> new UnknownPskIdentity(message, remote, cause);
            case CERTIFICATE_REQUIRED -> new CertificateRequired(message, remote, cause);
            case NO_APPLICATION_PROTOCOL -> new NoApplicationProtocol(message, remote, cause);            case CLOSE_NOTIFY -> throw new IllegalArgumentException("close_notify is not an error");
        };
    }
}
