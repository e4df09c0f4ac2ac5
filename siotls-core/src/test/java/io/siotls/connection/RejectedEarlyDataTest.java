package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.UnknownExtension;
import io.siotls.handshake.Entropy;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 8446 §4.2.10: a server that does not accept the early data offered (here: a server with
 * early data off, the default, and a ClientHello offering it without a ticket) gives a 1-RTT
 * handshake and its early data is skipped — records that fail to open under the handshake keys,
 * or every application_data record while a HelloRetryRequest is answered — up to 16 KiB of it.
 */
class RejectedEarlyDataTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final Random RANDOM = new Random(8446);

    /** A client whose first ClientHello offers early_data without any ticket (which our client never does). */
    private static TLSConnection clientOfferingEarlyData(NamedGroup... groups) {
        return clientOfferingEarlyData(null, groups);
    }

    private static TLSConnection clientOfferingEarlyData(CipherSuite suite, NamedGroup... groups) {
        boolean[] first = {true};
        UnaryOperator<ClientHello> offerEarlyData = hello -> {
            if (!first[0]) {
                return hello;
            }
            first[0] = false;
            List<Extension> extensions = new ArrayList<>(hello.extensions().list());
            extensions.add(new UnknownExtension(ExtensionType.EARLY_DATA.code(), new byte[0]));
            return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                    hello.cipherSuites(), hello.legacyCompressionMethods(), ExtensionBlock.of(extensions));
        };
        TLSConfiguration.Builder config = Configs.clientTrusting(IDENTITY).keyExchanges(groups);
        if (suite != null) {
            config.cipherSuites(suite);
        }
        TLSConnection client = new TLSConnection(config.build(), "localhost", Entropy.secure(), Clock.systemUTC(),
                offerEarlyData);
        client.initiateConnection();
        return client;
    }

    private static TLSConnection server(NamedGroup... groups) {
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).keyExchanges(groups).build());
        server.initiateConnection();
        return server;
    }

    /** Application_data records of random bytes, as 0-RTT that the server cannot open looks. */
    private static byte[] garbageRecords(int... lengths) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int length : lengths) {
            byte[] body = new byte[length];
            RANDOM.nextBytes(body);
            records.writeBytes(Records.plaintext(ContentType.APPLICATION_DATA, body));
        }
        return records.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** Every suite: a failed open must leave each AEAD able to open the next record (JDK 17's ChaCha20 once could not). */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void undecryptableEarlyDataIsSkippedAndTheHandshakeCompletes(CipherSuite suite) {
        TLSConnection client = clientOfferingEarlyData(suite, NamedGroup.X25519);
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).keyExchanges(NamedGroup.X25519)
                .cipherSuites(suite).build());
        server.initiateConnection();

        server.receiveData(concat(client.dataToSend(), garbageRecords(100, 8_000, 8_000)));
        MemoryPipe.transfer(server, client);
        MemoryPipe.transfer(client, server);

        assertThat(server.isConnected()).isTrue();
        assertThat(client.isConnected()).isTrue();
        assertThat(server.nconfig().cipherSuite()).isEqualTo(suite);
        client.sendData(new byte[] {7});
        MemoryPipe.transfer(client, server);
        assertThat(server.dataToRead()).containsExactly(7);
    }

    @Test
    void earlyDataBeyond16KibIsBadRecordMac() {
        TLSConnection client = clientOfferingEarlyData(NamedGroup.X25519);
        TLSConnection server = server(NamedGroup.X25519);

        assertThatThrownBy(() -> server.receiveData(concat(client.dataToSend(), garbageRecords(16_000, 16_000))))
                .isInstanceOf(BadRecordMac.class);
    }

    @Test
    void withoutEarlyDataOfferedAnUndecryptableRecordIsBadRecordMac() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        TLSConnection server = server(NamedGroup.X25519);

        assertThatThrownBy(() -> server.receiveData(concat(client.dataToSend(), garbageRecords(100))))
                .isInstanceOf(BadRecordMac.class);
    }

    @Test
    void skippingEndsWithTheFirstRecordThatOpens() {
        TLSConnection client = clientOfferingEarlyData(NamedGroup.X25519);
        TLSConnection server = server(NamedGroup.X25519);
        server.receiveData(concat(client.dataToSend(), garbageRecords(100)));
        client.receiveData(server.dataToSend());

        byte[] finished = client.dataToSend();
        assertThatThrownBy(() -> server.receiveData(concat(finished, garbageRecords(100))))
                .as("the Finished opened, so the record after it is no early data")
                .isInstanceOf(BadRecordMac.class);
    }

    @Test
    void afterAHelloRetryRequestEveryApplicationDataRecordIsSkippedUntilTheSecondClientHello() {
        TLSConnection client = clientOfferingEarlyData(NamedGroup.X25519, NamedGroup.SECP384R1);
        TLSConnection server = server(NamedGroup.SECP384R1);

        server.receiveData(concat(client.dataToSend(), garbageRecords(6_000, 6_000)));
        client.receiveData(server.dataToSend());
        server.receiveData(client.dataToSend());
        MemoryPipe.transfer(server, client);
        MemoryPipe.transfer(client, server);

        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
    }

    @Test
    void afterTheSecondClientHelloApplicationDataIsNoLongerSkipped() {
        TLSConnection client = clientOfferingEarlyData(NamedGroup.X25519, NamedGroup.SECP384R1);
        TLSConnection server = server(NamedGroup.SECP384R1);
        server.receiveData(client.dataToSend());
        client.receiveData(server.dataToSend());

        assertThatThrownBy(() -> server.receiveData(concat(client.dataToSend(), garbageRecords(100))))
                .isInstanceOf(BadRecordMac.class);
    }

    @Test
    void beforeAnyClientHelloApplicationDataIsUnexpected() {
        TLSConnection server = server(NamedGroup.X25519);
        assertThatThrownBy(() -> server.receiveData(garbageRecords(100))).isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void aSecondClientHelloOfferingEarlyDataAgainIsIllegalParameter() {
        UnaryOperator<ClientHello> alwaysEarlyData = hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions().list());
            extensions.add(new UnknownExtension(ExtensionType.EARLY_DATA.code(), new byte[0]));
            return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                    hello.cipherSuites(), hello.legacyCompressionMethods(), ExtensionBlock.of(extensions));
        };
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build(),
                "localhost", Entropy.secure(), Clock.systemUTC(), alwaysEarlyData);
        client.initiateConnection();
        TLSConnection server = server(NamedGroup.SECP384R1);
        server.receiveData(client.dataToSend());
        client.receiveData(server.dataToSend());

        assertThatThrownBy(() -> server.receiveData(client.dataToSend()))
                .isInstanceOf(IllegalParameter.class).hasMessageContaining("early_data");
    }
}
