package io.siotls.handshake;

import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.CookieExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.ServerHello;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A HelloRetryRequest the server sent, RFC 8446 §4.1.4: the first ClientHello, the suite and
 * group it fixed and its cookie, which the second ClientHello is checked against (§4.1.2).
 */
record HelloRetry(ClientHello firstHello, CipherSuite suite, NamedGroup group, byte[] cookie) {

    /**
     * The extensions a second ClientHello may change, add or drop, RFC 8446 §4.1.2 (the cookie
     * only when the HelloRetryRequest carried one).
     */
    private static final Set<Integer> MAY_CHANGE_AFTER_RETRY = Set.of(
            ExtensionType.KEY_SHARE.code(), ExtensionType.EARLY_DATA.code(),
            ExtensionType.PRE_SHARED_KEY.code(), ExtensionType.PADDING.code());

    /**
     * Sends a HelloRetryRequest asking for a share of {@code group}, RFC 8446 §4.1.4, after
     * replacing ClientHello1 in the transcript by its message_hash (§4.4.1).
     */
    static HelloRetry send(Context context, TranscriptHash transcript, ClientHello hello, CipherSuite suite,
            NamedGroup group) {
        transcript.replaceWithMessageHash();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(KeyShareExtension.retryWith(group.code()));
        byte[] cookie = null;
        if (context.config().helloRetryCookie()) {
            cookie = context.entropy().helloRetryCookie();
            extensions.add(new CookieExtension(cookie));
        }
        extensions.add(SupportedVersionsExtension.selected(TLSVersion.TLS_1_3.code()));
        context.send(transcript, new ServerHello(TLSVersion.TLS_1_2.code(), ServerHello.HELLO_RETRY_REQUEST_RANDOM.clone(),
                hello.legacySessionId(), suite.code(), 0, ExtensionBlock.of(extensions)));
        if (hello.legacySessionId().length > 0) {
            context.transport().sendChangeCipherSpec();
        }
        return new HelloRetry(hello, suite, group, cookie);
    }

    /**
     * RFC 8446 §4.1.2: the second ClientHello is "the same ClientHello without modification"
     * except for its key_share (now one share, for the group asked for), the cookie it must echo
     * (when the HelloRetryRequest sent one), early_data, pre_shared_key and padding. Anything else
     * — a changed, added or dropped extension, or the same extensions in another order — is
     * illegal_parameter. Clients that shuffle their extensions (Chrome) keep one order per
     * connection, so a reordering is a modification, as tlsfuzzer holds it to be.
     */
    void checkSecondClientHello(ClientHello hello) {
        if (!Arrays.equals(hello.random(), firstHello.random())
                || !Arrays.equals(hello.legacySessionId(), firstHello.legacySessionId())
                || !hello.cipherSuites().equals(firstHello.cipherSuites())
                || !Arrays.equals(hello.legacyCompressionMethods(), firstHello.legacyCompressionMethods())) {
            throw new IllegalParameter("the second ClientHello changed its random, session id, cipher suites"
                    + " or compression methods");
        }
        KeyShareExtension shares = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        if (shares == null || shares.entries().size() != 1 || shares.entries().get(0).group() != group.code()) {
            throw new IllegalParameter("the second ClientHello must hold exactly one key share, for "
                    + group.ianaName());
        }
        checkEchoedCookie(hello);
        List<Integer> firstOrder = keptAfterRetry(firstHello);
        if (!firstOrder.equals(keptAfterRetry(hello))) {
            throw new IllegalParameter("the second ClientHello changed its extensions or their order: "
                    + firstOrder + " became " + keptAfterRetry(hello));
        }
        for (int type : firstOrder) {
            if (!Arrays.equals(firstHello.extensions().dataOf(type), hello.extensions().dataOf(type))) {
                ExtensionType known = ExtensionType.fromCode(type);
                throw new IllegalParameter("the second ClientHello changed its "
                        + (known == null ? "extension " + type : known.ianaName()) + " extension");
            }
        }
    }

    /** The cookie of the HelloRetryRequest, echoed exactly; none when it sent none (RFC 8446 §4.2.2). */
    private void checkEchoedCookie(ClientHello hello) {
        CookieExtension echoed = hello.extensions().get(ExtensionType.COOKIE, CookieExtension.class);
        if (cookie == null) {
            if (echoed != null) {
                throw new IllegalParameter("the second ClientHello carries a cookie the HelloRetryRequest did not send");
            }
            return;
        }
        if (echoed == null || !MessageDigest.isEqual(echoed.cookie(), cookie)) {
            throw new IllegalParameter("the second ClientHello does not echo the HelloRetryRequest's cookie");
        }
    }

    /** The extension types, in wire order, that must stay the same in a second ClientHello. */
    private static List<Integer> keptAfterRetry(ClientHello hello) {
        return hello.extensions().typeCodes().stream()
                .filter(type -> !MAY_CHANGE_AFTER_RETRY.contains(type) && type != ExtensionType.COOKIE.code())
                .toList();
    }
}
