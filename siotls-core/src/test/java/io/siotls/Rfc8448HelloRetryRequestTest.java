package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.crypto.KeyExchange;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.handshake.Entropy;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
import io.siotls.messages.ServerHello;
import io.siotls.testing.Rfc8448;
import io.siotls.testing.Records;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §5 (HelloRetryRequest). Client side, byte for byte: both ClientHello records and the
 * Finished record, with the trace's ClientHellos and x25519/secp256r1 keys injected. Server side:
 * the HelloRetryRequest record byte for byte (its cookie injected); the trace does not publish the
 * server's secp256r1 key, so its ServerHello and flight cannot be reproduced — the server is
 * checked to accept the trace's second ClientHello and to answer with secp256r1.
 */
class Rfc8448HelloRetryRequestTest {

    private static final Rfc8448 TRACE = Rfc8448.section("hello-retry-request.txt");
    private static final Clock WHEN = Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static X509Certificate certificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Rfc8448.get("server_certificate")));
    }

    private static ClientHello hello(String record) {
        byte[] bytes = TRACE.value(record);
        return ClientHello.parse(new TLSReader(bytes, 9, bytes.length - 9));
    }

    /** Hands out the trace's ephemeral keys in order, and fixed hello bytes. */
    private static final class TraceEntropy extends Entropy {
        private final Deque<byte[]> privateKeys;
        private final byte[] cookie;

        TraceEntropy(List<byte[]> privateKeys, byte[] cookie) {
            super(new SecureRandom());
            this.privateKeys = new ArrayDeque<>(privateKeys);
            this.cookie = cookie;
        }

        @Override
        public byte[] helloRandom() {
            return new byte[32];
        }

        @Override
        public byte[] legacySessionId() {
            return new byte[0];
        }

        @Override
        public byte[] helloRetryCookie() {
            return cookie.clone();
        }

        @Override
        public KeyExchangeKeyPair ephemeralKeyPair(KeyExchange exchange) {
            return exchange.fromPrivateKey(privateKeys.removeFirst());
        }
    }

    @Test
    void clientSendsBothHellosAndItsFinishedByteForByte() throws Exception {
        X509Certificate certificate = certificate();
        Deque<ClientHello> traceHellos = new ArrayDeque<>(List.of(hello("client_hello_1_record"),
                hello("client_hello_2_record")));
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(certificate)))
                .cipherSuites(SUITES)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1)
                .build();
        TLSConnection client = new TLSConnection(config, null,
                new TraceEntropy(List.of(TRACE.value("client_x25519_private"),
                        TRACE.value("client_secp256r1_private")), new byte[0]),
                WHEN, built -> traceHellos.removeFirst());

        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_hello_1_record")));
        client.receiveData(TRACE.value("hello_retry_request_record"));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_hello_2_record")));
        client.receiveData(concat(TRACE.value("server_hello_record"), TRACE.value("server_encrypted_flight_record")));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_finished_record")));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP256R1);
    }

    @Test
    void serverAsksForSecp256r1WithTheTracesHelloRetryRequestAndAcceptsTheSecondHello() throws Exception {
        X509Certificate certificate = certificate();
        TLSConfiguration config = TLSConfiguration.server()
                .privateKey(KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
                        new BigInteger(1, Rfc8448.get("server_rsa_modulus")),
                        new BigInteger(1, Rfc8448.get("server_rsa_private_exponent")))))
                .certificateChain(certificate)
                .cipherSuites(SUITES)
                .keyExchanges(NamedGroup.SECP256R1)
                .build();
        TLSConnection server = new TLSConnection(config, null, new TraceEntropy(List.of(
                new BigInteger(130, new SecureRandom()).toByteArray()), TRACE.value("cookie")),
                WHEN, hello -> hello);

        server.initiateConnection();
        server.receiveData(TRACE.value("client_hello_1_record"));
        assertThat(hex(server.dataToSend())).isEqualTo(hex(TRACE.value("hello_retry_request_record")));

        server.receiveData(TRACE.value("client_hello_2_record"));
        byte[] flight = server.dataToSend();
        byte[] fragment = Records.firstFragment(flight);
        ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        assertThat(hello.isHelloRetryRequest()).isFalse();
        assertThat(hello.cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256.code());
        byte[] traceHello = TRACE.value("server_hello_record");
        assertThat(Arrays.copyOf(Records.firstFragment(flight), 4 + 2))
                .as("same message type, length and version as the trace's ServerHello")
                .isEqualTo(Arrays.copyOfRange(traceHello, 5, 5 + 6));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
