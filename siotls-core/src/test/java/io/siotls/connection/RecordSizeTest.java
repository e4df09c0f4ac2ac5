package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.RecordOverflow;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.util.ArrayList;
import java.util.List;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficKeys;
import io.siotls.record.RecordWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** record_size_limit (RFC 8449) and max_fragment_length (RFC 6066 §4), honoured when sending. */
class RecordSizeTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final int TAG = 16;

    /** The fragment lengths of the records in {@code output}. */
    private static List<Integer> recordLengths(byte[] output) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at + 5 <= output.length; ) {
            int length = (output[at + 3] & 0xff) << 8 | (output[at + 4] & 0xff);
            lengths.add(length);
            at += 5 + length;
        }
        return lengths;
    }

    @Test
    void clientAskingForSmallRecordsGetsThemAndEnforcesItsLimit() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .maxFragmentLength(MaxFragmentLength.MAX_512).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().maxFragmentLength()).isEqualTo(512);
        assertThat(client.nconfig().maxFragmentLength()).isEqualTo(1 << 14);

        server.sendData(new byte[5000]);
        byte[] output = server.dataToSend();
        assertThat(recordLengths(output)).hasSize(10).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(512 + 1 + TAG));
        client.receiveData(output);
        assertThat(client.dataToRead()).hasSize(5000);

        client.sendData(new byte[20000]);
        assertThat(recordLengths(client.dataToSend())).containsExactly((1 << 14) + 1 + TAG, 20000 - (1 << 14) + 1 + TAG);
    }

    @Test
    void invalidMaxFragmentLengthCodeIsIllegalParameter() {
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        server.initiateConnection();
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        byte[] record = client.dataToSend();
        byte[] fragment = Records.firstFragment(record);
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        extensions.add(new io.siotls.extensions.UnknownExtension(ExtensionType.MAX_FRAGMENT_LENGTH.code(), new byte[] {5}));
        byte[] bad = Records.handshake(new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(), ExtensionBlock.of(extensions)));
        assertThatThrownBy(() -> server.receiveData(bad)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("max_fragment_length 5");
    }

    @Test
    void recordLargerThanTheAnnouncedLimitIsRecordOverflow(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("server.keys");
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .maxFragmentLength(MaxFragmentLength.MAX_512).build(), "localhost");
        // no tickets: the misbehaving record below is then the server's first under its application keys
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).sessionTickets(0).logKeys(true)
                .keyLogFile(keys).build());
        MemoryPipe.handshake(client, server);

        byte[] serverSecret = Files.readAllLines(keys).stream()
                .filter(line -> line.startsWith("SERVER_TRAFFIC_SECRET_0 "))
                .map(line -> HexFormat.of().parseHex(line.split(" ")[2]))
                .findFirst().orElseThrow();
        CipherSuite suite = client.nconfig().cipherSuite();
        CryptoProvider crypto = CryptoProvider.getDefault();
        TrafficKeys trafficKeys = new KeySchedule(crypto, suite).trafficKeys(serverSecret);
        RecordWriter misbehavingServer = new RecordWriter();
        misbehavingServer.setProtection(crypto.aead(suite, trafficKeys.key()), trafficKeys.iv());
        misbehavingServer.write(ContentType.APPLICATION_DATA, new byte[600]);

        assertThatThrownBy(() -> client.receiveData(misbehavingServer.drain()))
                .isInstanceOf(RecordOverflow.class)
                .hasMessageContaining("exceeds 513, the limit this side announced");
    }
}
