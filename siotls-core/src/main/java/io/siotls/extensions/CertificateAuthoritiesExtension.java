package io.siotls.extensions;

import io.siotls.alerts.DecodeError;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * certificate_authorities, RFC 8446 §4.2.4: the distinguished names of the certificate
 * authorities the sender trusts, DER-encoded.
 */
public record CertificateAuthoritiesExtension(List<X500Principal> authorities) implements Extension {

    public CertificateAuthoritiesExtension {
        authorities = List.copyOf(authorities);
    }

    @Override
    public int typeCode() {
        return ExtensionType.CERTIFICATE_AUTHORITIES.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        int list = writer.startVector(2);
        authorities.forEach(name -> writer.writeOpaque(2, name.getEncoded()));
        writer.endVector(list);
    }

    /** The encoded size of the extension data, to decide whether it is worth sending. */
    public int encodedLength() {
        return 2 + authorities.stream().mapToInt(name -> 2 + name.getEncoded().length).sum();
    }

    static CertificateAuthoritiesExtension parse(TLSReader reader) {
        TLSReader list = reader.readVector(2, 3, 0xffff, "authorities");
        reader.expectEnd("certificate_authorities");
        List<X500Principal> names = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] der = list.readOpaque(2, 1, 0xffff, "DistinguishedName");
            try {
                names.add(new X500Principal(der));
            } catch (IllegalArgumentException e) {
                throw new DecodeError("certificate_authorities holds a malformed distinguished name");
            }
        }
        return new CertificateAuthoritiesExtension(names);
    }
}
