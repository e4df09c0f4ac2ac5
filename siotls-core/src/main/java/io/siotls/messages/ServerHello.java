package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * ServerHello, RFC 8446 §4.1.3, and HelloRetryRequest, the ServerHello whose random is the
 * SHA-256 of "HelloRetryRequest" (RFC 8446 §4.1.4).
 */
public record ServerHello(
        int legacyVersion,
        byte[] random,
        byte[] legacySessionIdEcho,
        int cipherSuite,
        int legacyCompressionMethod,
        ExtensionBlock extensions) implements HandshakeMessage {

    /** The special random of a HelloRetryRequest, RFC 8446 §4.1.3. */
    public static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeUint16(legacyVersion);
        writer.writeBytes(random);
        writer.writeOpaque(1, legacySessionIdEcho);
        writer.writeUint16(cipherSuite);
        writer.writeUint8(legacyCompressionMethod);
        extensions.write(writer);
    }

    public static ServerHello parse(TLSReader body) {
        int legacyVersion = body.readUint16("legacy_version");
        byte[] random = body.readBytes(32, "random");
        byte[] sessionId = body.readOpaque(1, 0, 32, "legacy_session_id_echo");
        int cipherSuite = body.readUint16("cipher_suite");
        int compression = body.readUint8("legacy_compression_method");
        ExtensionContext context = Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM)
                ? ExtensionContext.HELLO_RETRY_REQUEST
                : ExtensionContext.SERVER_HELLO;
        ExtensionBlock extensions = body.hasRemaining()
                ? ExtensionBlock.read(body, context)
                : ExtensionBlock.empty();
        body.expectEnd("ServerHello");
        return new ServerHello(legacyVersion, random, sessionId, cipherSuite, compression, extensions);
    }
}
