package io.siotls.handshake;

import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.iana.ExtensionType;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.util.ArrayList;
import java.util.List;

/**
 * What binding a PSK offer into a ClientHello takes whatever the PSK is, RFC 8446 §4.2.11.2: the
 * transcript hash the binder covers, and the ClientHello with the bound pre_shared_key in place of
 * the one with a zeroed binder.
 */
final class PskBinding {

    private PskBinding() {
    }

    /**
     * Transcript-Hash(Truncate(ClientHello)): over {@code before} (ClientHello1's message_hash and
     * the HelloRetryRequest for ClientHello2) or, when it is null, a new transcript of
     * {@code hashAlgorithm}, and {@code hello} up to the binders of {@code unbound}.
     */
    static byte[] truncatedTranscriptHash(Context context, ClientHello hello, PreSharedKeyExtension unbound,
            TranscriptHash before, String hashAlgorithm) {
        byte[] bytes = hello.toBytes();
        TranscriptHash transcript = before;
        if (transcript == null) {
            transcript = new TranscriptHash();
            transcript.selectHash(context.crypto(), hashAlgorithm);
        }
        return transcript.currentWith(bytes, bytes.length - unbound.bindersLength());
    }

    /** {@code hello} with {@code bound} in place of its pre_shared_key, which stays the last extension. */
    static ClientHello withPreSharedKey(ClientHello hello, Extension bound) {
        List<Extension> extensions = new ArrayList<>();
        for (Extension extension : hello.extensions().list()) {
            extensions.add(extension.typeCode() == ExtensionType.PRE_SHARED_KEY.code() ? bound : extension);
        }
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), ExtensionBlock.of(extensions));
    }
}
