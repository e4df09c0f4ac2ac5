package io.siotls.extensions;

import io.siotls.alerts.DecodeError;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/**
 * status_request: in a ClientHello, the request for an OCSP response (RFC 6066 §8, an
 * OCSPStatusRequest with no responder ids and no extensions when we send it); in a
 * CertificateRequest, the same request with an empty body ({@code empty}, RFC 8446 §4.4.2.1); in
 * the end-entity CertificateEntry, the stapled CertificateStatus ({@code ocspResponse} set).
 */
public record StatusRequestExtension(int statusType, byte[] ocspResponse, boolean empty) implements Extension {

    /** CertificateStatusType ocsp, RFC 6066 §8. */
    public static final int OCSP = 1;

    /** The request a client sends. */
    public static StatusRequestExtension request() {
        return new StatusRequestExtension(OCSP, null, false);
    }

    /** The stapled response a server puts in its end-entity CertificateEntry. */
    public static StatusRequestExtension response(byte[] ocspResponse) {
        return new StatusRequestExtension(OCSP, ocspResponse.clone(), false);
    }

    @Override
    public int typeCode() {
        return ExtensionType.STATUS_REQUEST.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (empty) {
            return;
        }
        writer.writeUint8(statusType);
        if (ocspResponse != null) {
            writer.writeOpaque(3, ocspResponse);
        } else {
            writer.writeUint16(0);
            writer.writeUint16(0);
        }
    }

    static StatusRequestExtension parse(TLSReader reader, ExtensionContext context) {
        if (context == ExtensionContext.CERTIFICATE_REQUEST) {
            reader.expectEnd("status_request of a CertificateRequest");
            return new StatusRequestExtension(OCSP, null, true);
        }
        if (context == ExtensionContext.CERTIFICATE) {
            int type = reader.readUint8("status_type");
            if (type != OCSP) {
                throw new DecodeError("CertificateStatus of unknown status_type " + type);
            }
            byte[] response = reader.readOpaque(3, 1, 0xffffff, "OCSPResponse");
            reader.expectEnd("status_request");
            return new StatusRequestExtension(type, response, false);
        }
        int type = reader.readUint8("status_type");
        reader.readVector(2, 0, 0xffff, "responder_id_list");
        reader.readVector(2, 0, 0xffff, "request_extensions");
        reader.expectEnd("status_request");
        return new StatusRequestExtension(type, null, false);
    }
}
