package io.siotls.testing;

import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficKeys;
import io.siotls.messages.ServerHello;
import io.siotls.record.Record;
import io.siotls.record.RecordReader;
import io.siotls.record.RecordWriter;
import io.siotls.wire.TLSReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * A hostile server's raw material: the flight a real server of ours answers a client's first
 * flight with, taken apart (its ServerHello, its protected handshake messages opened with the
 * server's handshake traffic keys, read from the server's key log) so that a test can change,
 * drop or insert messages and records, and protect them again with the same keys. The real
 * server is kept: it reads the client's answer, so the alert the client sent under its handshake
 * keys can be seen.
 */
public final class ServerFlight {

    private final TLSConnection server;
    private final byte[] flight;
    private final byte[] serverHelloRecord;
    private final List<byte[]> messages;
    private final RecordWriter protector = new RecordWriter();
    private final TLSConfiguration config;
    private final CipherSuite suite;
    private final byte[] clientHandshakeSecret;
    private final byte[] clientApplicationSecret;

    private ServerFlight(TLSConnection server, byte[] flight, byte[] serverHelloRecord, List<byte[]> messages,
            CipherSuite suite, TLSConfiguration config, Path keyLog) {
        this.server = server;
        this.flight = flight;
        this.serverHelloRecord = serverHelloRecord;
        this.messages = messages;
        this.config = config;
        this.suite = suite;
        TrafficKeys keys = new KeySchedule(config.crypto(), suite)
                .trafficKeys(secret(keyLog, "SERVER_HANDSHAKE_TRAFFIC_SECRET"));
        protector.setProtection(config.crypto().aead(suite, keys.key()), keys.iv());
        this.clientHandshakeSecret = secret(keyLog, "CLIENT_HANDSHAKE_TRAFFIC_SECRET");
        this.clientApplicationSecret = secret(keyLog, "CLIENT_TRAFFIC_SECRET_0");
    }

    /**
     * The flight of a server built from {@code serverConfig} answering {@code clientFlight} (a
     * ClientHello the server accepts without a HelloRetryRequest).
     */
    public static ServerFlight answer(TLSConfiguration.Builder serverConfig, byte[] clientFlight) {
        Path keyLog;
        try {
            keyLog = Files.createTempFile("siotls-hostile-server", ".keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TLSConfiguration config = serverConfig.logKeys(true).keyLogFile(keyLog).build();
            TLSConnection server = new TLSConnection(config);
            server.initiateConnection();
            server.receiveData(clientFlight);
            byte[] flight = server.dataToSend();
            byte[] serverHelloRecord = firstRecord(flight);
            byte[] fragment = Records.firstFragment(flight);
            ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
            if (hello.isHelloRetryRequest()) {
                throw new IllegalStateException("the server answered with a HelloRetryRequest");
            }
            CipherSuite suite = CipherSuite.fromCode(hello.cipherSuite());
            TrafficKeys keys = new KeySchedule(config.crypto(), suite)
                    .trafficKeys(secret(keyLog, "SERVER_HANDSHAKE_TRAFFIC_SECRET"));
            RecordReader reader = new RecordReader();
            reader.setProtection(config.crypto().aead(suite, keys.key()), keys.iv());
            reader.feed(Records.afterFirst(flight));
            ByteArrayOutputStream handshake = new ByteArrayOutputStream();
            Record record;
            while ((record = reader.next()) != null) {
                if (record.type() == ContentType.HANDSHAKE) {
                    handshake.writeBytes(record.fragment());
                }
            }
            return new ServerFlight(server, flight, serverHelloRecord, Rfc8448Flight.split(handshake.toByteArray()),
                    suite, config, keyLog);
        } finally {
            try {
                Files.deleteIfExists(keyLog);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    private static byte[] secret(Path keyLog, String label) {
        try {
            for (String line : Files.readAllLines(keyLog)) {
                String[] fields = line.split(" ");
                if (fields[0].equals(label)) {
                    return HexFormat.of().parseHex(fields[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + label + " in the server's key log");
    }

    private static byte[] firstRecord(byte[] records) {
        int length = (records[3] & 0xff) << 8 | (records[4] & 0xff);
        return java.util.Arrays.copyOf(records, 5 + length);
    }

    /** The real server, waiting for the client's second flight. */
    public TLSConnection server() {
        return server;
    }

    /** The whole flight, unchanged: ServerHello, change_cipher_spec, protected messages. */
    public byte[] bytes() {
        return flight.clone();
    }

    /** The unprotected record holding the ServerHello. */
    public byte[] serverHelloRecord() {
        return serverHelloRecord.clone();
    }

    public ServerHello serverHello() {
        byte[] fragment = Records.firstFragment(serverHelloRecord);
        return ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    /**
     * The protected handshake messages (headers included), in order: EncryptedExtensions,
     * Certificate, CertificateVerify, Finished (with a CertificateRequest when asked for).
     */
    public List<byte[]> messages() {
        return messages.stream().map(byte[]::clone).toList();
    }

    /**
     * One record of {@code type} holding {@code content}, protected with the server's handshake
     * keys at the next sequence number (records must be protected in the order they are sent).
     */
    public byte[] protect(ContentType type, byte[] content) {
        protector.write(type, content);
        return protector.drain();
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * The alerts, in order, among the records a client sent in {@code clientOutput} (whole
     * records, from a record boundary after its ClientHello): unprotected ones as they are,
     * protected ones opened with the client's handshake traffic keys, then its application
     * traffic keys once its Finished went by.
     */
    public List<AlertDescription> alertsIn(byte[] clientOutput) {
        return alertsIn(clientOutput, this);
    }

    /** The alerts among unprotected records; a protected record needs {@code keys}, or fails. */
    public static List<AlertDescription> alertsIn(byte[] clientOutput, ServerFlight keys) {
        List<AlertDescription> alerts = new java.util.ArrayList<>();
        RecordReader reader = new RecordReader();
        boolean applicationKeys = false;
        int at = 0;
        while (at + 5 <= clientOutput.length) {
            int length = (clientOutput[at + 3] & 0xff) << 8 | (clientOutput[at + 4] & 0xff);
            if (at + 5 + length > clientOutput.length) {
                throw new AssertionError("a truncated record at " + at + " in " + HexFormat.of().formatHex(clientOutput));
            }
            if (clientOutput[at] == ContentType.APPLICATION_DATA.code() && !reader.isProtected()) {
                if (keys == null) {
                    throw new AssertionError("a protected record, and no keys to open it");
                }
                keys.protect(reader, keys.clientHandshakeSecret);
            }
            reader.feed(java.util.Arrays.copyOfRange(clientOutput, at, at + 5 + length));
            Record record = reader.next();
            if (record.type() == ContentType.ALERT) {
                alerts.add(AlertDescription.fromCode(record.fragment()[1] & 0xff));
            } else if (record.type() == ContentType.HANDSHAKE && record.wasProtected() && !applicationKeys
                    && Rfc8448Flight.split(record.fragment()).stream()
                            .anyMatch(m -> m[0] == io.siotls.iana.HandshakeType.FINISHED.code())) {
                keys.protect(reader, keys.clientApplicationSecret);
                applicationKeys = true;
            }
            at += 5 + length;
        }
        if (at != clientOutput.length) {
            throw new AssertionError("a truncated record header at " + at);
        }
        return alerts;
    }

    private void protect(RecordReader reader, byte[] secret) {
        TrafficKeys keys = new KeySchedule(config.crypto(), suite).trafficKeys(secret);
        reader.setProtection(config.crypto().aead(suite, keys.key()), keys.iv());
    }
}
