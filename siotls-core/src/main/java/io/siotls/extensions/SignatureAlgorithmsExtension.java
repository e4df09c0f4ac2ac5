package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.List;

/**
 * signature_algorithms and signature_algorithms_cert, RFC 8446 §4.2.3: the signature schemes
 * accepted in CertificateVerify, and in certificates.
 */
public record SignatureAlgorithmsExtension(int typeCode, List<Integer> schemes) implements Extension {

    public SignatureAlgorithmsExtension {
        schemes = List.copyOf(schemes);
    }

    public static SignatureAlgorithmsExtension forHandshake(List<Integer> schemes) {
        return new SignatureAlgorithmsExtension(ExtensionType.SIGNATURE_ALGORITHMS.code(), schemes);
    }

    public static SignatureAlgorithmsExtension forCertificates(List<Integer> schemes) {
        return new SignatureAlgorithmsExtension(ExtensionType.SIGNATURE_ALGORITHMS_CERT.code(), schemes);
    }

    @Override
    public void writeData(TLSWriter writer) {
        CodeList.write(writer, schemes);
    }

    static SignatureAlgorithmsExtension parse(int typeCode, TLSReader reader) {
        return new SignatureAlgorithmsExtension(typeCode, CodeList.read(reader, 2, "supported_signature_algorithms"));
    }
}
