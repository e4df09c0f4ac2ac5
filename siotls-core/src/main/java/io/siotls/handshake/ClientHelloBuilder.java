package io.siotls.handshake;

import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.MaxFragmentLengthExtension;
import io.siotls.extensions.PostHandshakeAuthExtension;
import io.siotls.extensions.PskKeyExchangeModesExtension;
import io.siotls.extensions.RecordSizeLimitExtension;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.extensions.StatusRequestExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.IanaCode;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.iana.PskKeyExchangeMode;
import io.siotls.iana.SignatureScheme;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.trust.HostnameVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the client's ClientHello, RFC 8446 §4.1.2, the first and the one answering a
 * HelloRetryRequest (§4.1.4), each passed through the hello override.
 */
final class ClientHelloBuilder {

    private static final List<SignatureScheme> SHA1_SCHEMES =
            List.of(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1);

    private final Context context;
    private final UnaryOperator<ClientHello> override;
    private boolean earlyData;

    ClientHelloBuilder(Context context, UnaryOperator<ClientHello> override) {
        this.context = context;
        this.override = override;
    }

    /** The next ClientHello built, and only that one, carries early_data (RFC 8446 §4.2.10: never a second one). */
    void offerEarlyData() {
        this.earlyData = true;
    }

    /**
     * ClientHello, RFC 8446 §4.1.2, with the extensions of §4.2 this configuration calls for and,
     * when {@code offer} is set, pre_shared_key last with its binder (§4.2.11).
     *
     * @param before the transcript before this ClientHello, which the binder covers: {@code null}
     *        for the first, ClientHello1's message_hash and the HelloRetryRequest for the second
     */
    ClientHello build(byte[] random, byte[] sessionId, List<KeyShareEntry> shares, Extension cookie,
            PskOffer offer, TranscriptHash before) {
        ClientHello hello = override.apply(compose(random, sessionId, shares, cookie, offer));
        return offer == null ? hello : offer.bind(hello, before);
    }

    private ClientHello compose(byte[] random, byte[] sessionId, List<KeyShareEntry> shares, Extension cookie,
            PskOffer offer) {
        List<Extension> extensions = new ArrayList<>();
        if (context.policy().serverName() != null && !HostnameVerifier.isIpLiteral(context.policy().serverName())) {
            extensions.add(new ServerNameExtension(stripTrailingDot(context.policy().serverName())));
        }
        extensions.add(SupportedVersionsExtension.offered(List.of(TLSVersion.TLS_1_3.code())));
        extensions.add(new SupportedGroupsExtension(codes(context.policy().keyExchanges())));
        extensions.add(KeyShareExtension.clientShares(shares));
        extensions.add(SignatureAlgorithmsExtension.forHandshake(codes(context.policy().signatureAlgorithms())));
        if (context.policy().truststore() != null) {
            extensions.add(SignatureAlgorithmsExtension.forCertificates(codes(certificateSignatureSchemes())));
        }
        if (!context.policy().alpn().isEmpty()) {
            extensions.add(new ALPNExtension(context.policy().alpn()));
        }
        if (context.policy().certificateTypes().contains(CertificateType.RAW_PUBLIC_KEY)) {
            extensions.add(CertificateTypeExtension.offered(ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    codes(context.policy().certificateTypes())));
        }
        if (context.policy().peerCertificateTypes().contains(CertificateType.RAW_PUBLIC_KEY)) {
            extensions.add(CertificateTypeExtension.offered(ExtensionType.SERVER_CERTIFICATE_TYPE,
                    codes(context.policy().peerCertificateTypes())));
        }
        if (context.config().requestOcspStapling()) {
            extensions.add(StatusRequestExtension.request());
        }
        extensions.add(Context.ownHeartbeatMode());
        extensions.add(new PskKeyExchangeModesExtension(context.config().pskKeWithoutForwardSecrecy()
                ? List.of(PskKeyExchangeMode.PSK_DHE_KE.code(), PskKeyExchangeMode.PSK_KE.code())
                : List.of(PskKeyExchangeMode.PSK_DHE_KE.code())));
        if (context.config().maxFragmentLength() != MaxFragmentLength.MAX_16384) {
            extensions.add(new MaxFragmentLengthExtension(context.config().maxFragmentLength()));
        }
        extensions.add(new RecordSizeLimitExtension(context.ownRecordSizeLimit()));
        if (ClientCredentials.available(context.policy())) {
            extensions.add(new PostHandshakeAuthExtension());
        }
        if (cookie != null) {
            extensions.add(cookie);
        }
        if (earlyData && offer != null) {
            extensions.add(EarlyDataExtension.indication());
        }
        earlyData = false;
        if (offer != null) {
            extensions.add(offer.placeholder());
        }
        List<Integer> suites = codes(context.policy().cipherSuites());
        return new ClientHello(TLSVersion.TLS_1_2.code(), random, sessionId, suites, new byte[] {0},
                ExtensionBlock.of(extensions));
    }

    /**
     * signature_algorithms_cert (RFC 8446 §4.2.3): what PKIX validation accepts in the chain,
     * which is wider than what CertificateVerify may use: the configured schemes first, then every
     * other scheme the backend verifies, rsa_pkcs1_* included; never SHA-1.
     */
    private List<SignatureScheme> certificateSignatureSchemes() {
        List<SignatureScheme> schemes = new ArrayList<>(context.policy().signatureAlgorithms());
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if (!schemes.contains(scheme) && !SHA1_SCHEMES.contains(scheme) && context.crypto().supports(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static List<Integer> codes(List<? extends IanaCode> values) {
        return values.stream().map(IanaCode::code).toList();
    }
}
