package io.siotls.messages;

import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** CertificateVerify, RFC 8446 §4.4.3: the signature over the transcript. */
public record CertificateVerify(int algorithm, byte[] signature) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeUint16(algorithm);
        writer.writeOpaque(2, signature);
    }

    public static CertificateVerify parse(TLSReader body) {
        int algorithm = body.readUint16("algorithm");
        byte[] signature = body.readOpaque(2, 0, 0xffff, "signature");
        body.expectEnd("CertificateVerify");
        return new CertificateVerify(algorithm, signature);
    }
}
