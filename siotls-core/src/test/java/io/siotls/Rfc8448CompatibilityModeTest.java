package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.handshake.Entropy;
import io.siotls.iana.CipherSuite;
import io.siotls.messages.ClientHello;
import io.siotls.messages.ServerHello;
import io.siotls.testing.Records;
import io.siotls.testing.Rfc8448;
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
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §7 (middlebox compatibility mode, RFC 8446 §D.4), as far as the trace's published
 * records allow: the sources within reach give its ClientHello, ServerHello and
 * change_cipher_spec records but not its ephemeral private keys or encrypted flights, so the
 * encrypted part cannot be replayed. What is checked byte for byte: the 32-byte session id echoed
 * by our server, and each side's change_cipher_spec record, at its place in the flight.
 */
class Rfc8448CompatibilityModeTest {

    private static final Rfc8448 TRACE = Rfc8448.section("compatibility-mode.txt");
    private static final Clock WHEN = Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static X509Certificate certificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Rfc8448.get("server_certificate")));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void serverEchoesTheSessionIdAndSendsChangeCipherSpecRightAfterServerHello() throws Exception {
        TLSConfiguration config = TLSConfiguration.server()
                .privateKey(KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
                        new BigInteger(1, Rfc8448.get("server_rsa_modulus")),
                        new BigInteger(1, Rfc8448.get("server_rsa_private_exponent")))))
                .certificateChain(certificate())
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .build();
        TLSConnection server = new TLSConnection(config, null, new Entropy(new SecureRandom()), WHEN, hello -> hello);
        server.initiateConnection();
        server.receiveData(TRACE.value("client_hello_record"));

        byte[] flight = server.dataToSend();
        byte[] fragment = Records.firstFragment(flight);
        ServerHello ours = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        byte[] traceRecord = TRACE.value("server_hello_record");
        ServerHello trace = ServerHello.parse(new TLSReader(traceRecord, 9, traceRecord.length - 9));
        assertThat(ours.legacySessionIdEcho()).hasSize(32).isEqualTo(trace.legacySessionIdEcho());
        assertThat(hex(Records.firstFragment(Records.afterFirst(flight))))
                .as("the record after ServerHello is the trace's change_cipher_spec")
                .isEqualTo(hex(TRACE.value("change_cipher_spec_record")).substring(10));
        assertThat(hex(Records.afterFirst(flight)))
                .startsWith(hex(TRACE.value("change_cipher_spec_record")) + "17");
    }

    @Test
    void clientSendsChangeCipherSpecOnceTheServerHelloArrives() throws Exception {
        byte[] helloRecord = TRACE.value("client_hello_record");
        ClientHello tracedHello = ClientHello.parse(new TLSReader(helloRecord, 9, helloRecord.length - 9));
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(certificate())))
                .build();
        TLSConnection client = new TLSConnection(config, null, new Entropy(new SecureRandom()), WHEN,
                built -> tracedHello);
        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(helloRecord));

        client.receiveData(TRACE.value("server_hello_record"));
        client.receiveData(TRACE.value("change_cipher_spec_record"));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("change_cipher_spec_record")));
        assertThat(client.isPostHandshake()).as("waiting for the encrypted flight").isFalse();
    }
}
