package io.siotls.messages;

import io.siotls.alerts.DecodeError;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/** ClientHello, RFC 8446 §4.1.2. Cipher suites keep their raw codes, unknown ones included. */
public record ClientHello(
        int legacyVersion,
        byte[] random,
        byte[] legacySessionId,
        List<Integer> cipherSuites,
        byte[] legacyCompressionMethods,
        ExtensionBlock extensions) implements HandshakeMessage {

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeUint16(legacyVersion);
        writer.writeBytes(random);
        writer.writeOpaque(1, legacySessionId);
        int suites = writer.startVector(2);
        cipherSuites.forEach(writer::writeUint16);
        writer.endVector(suites);
        writer.writeOpaque(1, legacyCompressionMethods);
        extensions.write(writer);
    }

    public static ClientHello parse(TLSReader body) {
        int legacyVersion = body.readUint16("legacy_version");
        byte[] random = body.readBytes(32, "random");
        byte[] sessionId = body.readOpaque(1, 0, 32, "legacy_session_id");
        TLSReader suites = body.readVector(2, 2, 0xfffe, "cipher_suites");
        if (suites.remaining() % 2 != 0) {
            throw new DecodeError("cipher_suites has an odd length");
        }
        List<Integer> cipherSuites = new ArrayList<>();
        while (suites.hasRemaining()) {
            cipherSuites.add(suites.readUint16("cipher suite"));
        }
        byte[] compression = body.readOpaque(1, 1, 255, "legacy_compression_methods");
        ExtensionBlock extensions = body.hasRemaining()
                ? ExtensionBlock.read(body, ExtensionContext.CLIENT_HELLO)
                : ExtensionBlock.empty();
        body.expectEnd("ClientHello");
        return new ClientHello(legacyVersion, random, sessionId, cipherSuites, compression, extensions);
    }
}
