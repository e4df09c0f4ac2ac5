package io.siotls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.DecryptError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.SteppingClock;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Post-handshake client authentication, RFC 8446 §4.6.2, at the message level between our client
 * and our server, and the hostile answers each side refuses with its alert.
 */
class PostHandshakeAuthTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.EC_P256);

    private final SteppingClock clock = new SteppingClock(Instant.now());
    private final MessageWire clientSide = new MessageWire();
    private final MessageWire serverSide = new MessageWire();
    private Handshake client;
    private Handshake server;
    private ClientHello hello;

    private static TLSConfiguration serverTrustingClientsAfterHandshake() {
        return Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .clientAuthentication(ClientAuthentication.NONE).build();
    }

    private static TLSConfiguration clientWithCertificate() {
        return Configs.clientTrusting(SERVER).privateKey(CLIENT.privateKey()).certificateChain(CLIENT.chain()).build();
    }

    private void connect(TLSConfiguration clientConfig) {
        client = new ClientHandshake(new ConnectionPolicy(clientConfig, ConnectionOptions.forHost("localhost")),
                Entropy.secure(), clientSide, clock, UnaryOperator.identity());
        server = new ServerHandshake(new ConnectionPolicy(serverTrustingClientsAfterHandshake(),
                ConnectionOptions.none()), Entropy.secure(), serverSide, clock);
        server.start();
        client.start();
        while (!clientSide.sent.isEmpty() || !serverSide.sent.isEmpty()) {
            clientSide.deliverTo(server);
            serverSide.deliverTo(client);
        }
        assertThat(client.isComplete()).isTrue();
        assertThat(server.isComplete()).isTrue();
        hello = ResumingClient.parseHello(clientSide.history.get(0));
        clientSide.clear();
        serverSide.clear();
    }

    private static int type(byte[] message) {
        return message[0] & 0xff;
    }

    private static CertificateMessage certificate(byte[] message) {
        return CertificateMessage.parse(new TLSReader(message, 4, message.length - 4));
    }

    /** Has the server request a certificate and the client answer it; returns the client's messages. */
    private List<byte[]> requestAndAnswer(boolean required) {
        server.requestClientCertificate(required);
        serverSide.deliverTo(client);
        List<byte[]> answer = List.copyOf(clientSide.sent);
        clientSide.sent.clear();
        return answer;
    }

    private void deliverToServer(List<byte[]> messages) {
        for (byte[] message : messages) {
            server.receive(type(message), message);
        }
    }

    @Test
    void aClientHoldingACertificateOffersPostHandshakeAuthAndOneWithoutDoesNot() {
        connect(clientWithCertificate());
        assertThat(hello.extensions().contains(ExtensionType.POST_HANDSHAKE_AUTH)).isTrue();
        MessageWire other = new MessageWire();
        new ClientHandshake(new ConnectionPolicy(Configs.clientTrusting(SERVER).build(),
                ConnectionOptions.forHost("localhost")), Entropy.secure(), other, clock, UnaryOperator.identity())
                .start();
        assertThat(ResumingClient.parseHello(other.history.get(0)).extensions()
                .contains(ExtensionType.POST_HANDSHAKE_AUTH)).isFalse();
    }

    @Test
    void theServerLearnsTheClientsChainFromItsPostHandshakeAnswer() {
        connect(clientWithCertificate());
        assertThat(server.negotiated().peerCertificateChain()).isEmpty();
        List<byte[]> answer = requestAndAnswer(true);
        byte[] request = serverSide.history.get(0);
        assertThat(type(request)).isEqualTo(HandshakeType.CERTIFICATE_REQUEST.code());
        byte[] requestContext = CertificateRequest.parse(new TLSReader(request, 4, request.length - 4)).requestContext();
        assertThat(requestContext).hasSize(32);
        assertThat(answer).extracting(PostHandshakeAuthTest::type).containsExactly(HandshakeType.CERTIFICATE.code(),
                HandshakeType.CERTIFICATE_VERIFY.code(), HandshakeType.FINISHED.code());
        assertThat(certificate(answer.get(0)).requestContext()).isEqualTo(requestContext);
        deliverToServer(answer);
        assertThat(server.negotiated().peerCertificateChain()).isEqualTo(CLIENT.chain());
        assertThat(server.negotiated().peerSignatureAlgorithm()).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void aSecondRequestAfterTheFirstWasAnsweredUsesAFreshContextAndVerifies() {
        connect(clientWithCertificate());
        List<byte[]> first = requestAndAnswer(true);
        deliverToServer(first);
        List<byte[]> second = requestAndAnswer(true);
        deliverToServer(second);
        assertThat(server.negotiated().peerCertificateChain()).isEqualTo(CLIENT.chain());
        assertThat(certificate(second.get(0)).requestContext()).hasSize(32)
                .isNotEqualTo(certificate(first.get(0)).requestContext());
    }

    @Test
    void aSecondRequestWhileTheFirstIsUnansweredIsRefused() {
        connect(clientWithCertificate());
        server.requestClientCertificate(true);
        assertThatThrownBy(() -> server.requestClientCertificate(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not yet answered");
    }

    @Test
    void theClientAnswersOutstandingRequestsInTheirOrder() {
        connect(clientWithCertificate());
        for (byte context : new byte[] {1, 2}) {
            byte[] request = new CertificateRequest(new byte[] {context}, ExtensionBlock.of(List.of(
                    SignatureAlgorithmsExtension.forHandshake(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256.code())))))
                    .toBytes();
            client.receive(type(request), request);
        }
        List<byte[]> answers = List.copyOf(clientSide.sent);
        assertThat(answers).extracting(PostHandshakeAuthTest::type).containsExactly(
                HandshakeType.CERTIFICATE.code(), HandshakeType.CERTIFICATE_VERIFY.code(), HandshakeType.FINISHED.code(),
                HandshakeType.CERTIFICATE.code(), HandshakeType.CERTIFICATE_VERIFY.code(), HandshakeType.FINISHED.code());
        assertThat(certificate(answers.get(0)).requestContext()).containsExactly(1);
        assertThat(certificate(answers.get(3)).requestContext()).containsExactly(2);
    }

    @Test
    void aClientWithNoCertificateTheServerAcceptsSendsAnEmptyCertificateAndFinished() {
        Identity stranger = TestPki.client(KeyType.RSA_2048);
        connect(Configs.clientTrusting(SERVER).privateKey(stranger.privateKey()).certificateChain(stranger.chain())
                .build());
        List<byte[]> answer = requestAndAnswer(false);
        assertThat(answer).extracting(PostHandshakeAuthTest::type)
                .containsExactly(HandshakeType.CERTIFICATE.code(), HandshakeType.FINISHED.code());
        assertThat(certificate(answer.get(0)).entries()).isEmpty();
        deliverToServer(answer);
        assertThat(server.negotiated().peerCertificateChain()).isEmpty();
    }

    @Test
    void anEmptyCertificateWhenRequiredIsCertificateRequired() {
        Identity stranger = TestPki.client(KeyType.RSA_2048);
        connect(Configs.clientTrusting(SERVER).privateKey(stranger.privateKey()).certificateChain(stranger.chain())
                .build());
        List<byte[]> answer = requestAndAnswer(true);
        assertThatThrownBy(() -> deliverToServer(answer)).isInstanceOf(CertificateRequired.class);
    }

    @Test
    void theServerRefusesToAskAClientThatDidNotOfferPostHandshakeAuth() {
        connect(Configs.clientTrusting(SERVER).build());
        assertThatThrownBy(() -> server.requestClientCertificate(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not offer post_handshake_auth");
    }

    @Test
    void aCertificateRequestToAClientThatDidNotOfferPostHandshakeAuthIsUnexpectedMessage() {
        connect(Configs.clientTrusting(SERVER).build());
        byte[] request = CertificateRequests.of(new Context(new ConnectionPolicy(serverTrustingClientsAfterHandshake(),
                ConnectionOptions.none()), Entropy.secure(), serverSide, clock, false), new byte[] {7}).toBytes();
        assertThatThrownBy(() -> client.receive(type(request), request)).isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void aCertificateWithAnotherRequestContextIsIllegalParameter() {
        connect(clientWithCertificate());
        server.requestClientCertificate(true);
        byte[] request = serverSide.sent.poll();
        byte[] altered = request.clone();
        altered[5] ^= 1;
        client.receive(type(altered), altered);
        byte[] certificate = clientSide.sent.poll();
        assertThatThrownBy(() -> server.receive(type(certificate), certificate)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("certificate_request_context");
    }

    @Test
    void aBadCertificateVerifySignatureIsDecryptError() {
        connect(clientWithCertificate());
        List<byte[]> answer = requestAndAnswer(true);
        byte[] verify = answer.get(1).clone();
        verify[verify.length - 3] ^= 1;
        server.receive(type(answer.get(0)), answer.get(0));
        assertThatThrownBy(() -> server.receive(type(verify), verify)).isInstanceOf(DecryptError.class);
    }

    @Test
    void aBadFinishedIsDecryptError() {
        connect(clientWithCertificate());
        List<byte[]> answer = requestAndAnswer(true);
        byte[] finished = answer.get(2).clone();
        finished[finished.length - 1] ^= 1;
        deliverToServer(answer.subList(0, 2));
        assertThatThrownBy(() -> server.receive(type(finished), finished)).isInstanceOf(DecryptError.class);
        assertThat(server.negotiated().peerCertificateChain()).isEmpty();
    }

    @Test
    void aFinishedBeforeTheCertificateVerifyIsUnexpectedMessage() {
        connect(clientWithCertificate());
        List<byte[]> answer = requestAndAnswer(true);
        server.receive(type(answer.get(0)), answer.get(0));
        byte[] finished = answer.get(2);
        assertThatThrownBy(() -> server.receive(type(finished), finished)).isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void anUnrequestedCertificateIsUnexpectedMessage() {
        connect(clientWithCertificate());
        byte[] certificate = new CertificateMessage(new byte[] {1}, List.of()).toBytes();
        assertThatThrownBy(() -> server.receive(type(certificate), certificate)).isInstanceOf(UnexpectedMessage.class);
    }
}
