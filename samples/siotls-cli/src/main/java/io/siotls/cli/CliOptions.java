package io.siotls.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The parsed command line: {@code client HOST:PORT [options]} or {@code server --port N [options]}.
 * {@code acceptCount} is the number of connections a {@code --www} or {@code --echo} server serves
 * before it stops, 0 for no end; {@code bindAddress} the address a server listens on, {@code null}
 * for all; {@code handshakeTimeout} the limits.max_handshake_duration, {@code null} for the default.
 */
record CliOptions(
        boolean client,
        String host,
        int port,
        String serverName,
        List<String> alpn,
        List<String> groups,
        List<String> suites,
        List<String> signatureAlgorithms,
        Path certificateChain,
        Path privateKey,
        String password,
        Path publicKey,
        Path caFile,
        List<Path> trustedKeys,
        boolean insecure,
        String verifyClient,
        Path keyLog,
        boolean quiet,
        boolean www,
        boolean echo,
        int acceptCount,
        String bindAddress,
        Duration handshakeTimeout,
        String clientCertificatePath,
        Path earlyDataFile,
        int maxEarlyData,
        byte[] psk,
        String pskIdentity,
        boolean pskKeWithoutForwardSecrecy) {

    static final String USAGE = """
            usage: siotls client HOST:PORT [options]
                   siotls server --port N [options]
            options:
              --servername NAME        SNI host name to ask for (client; default HOST unless it is an IP address)
              --alpn P1,P2             application protocols, best first
              --groups G1,G2           key exchange groups (X25519MLKEM768, x25519, secp256r1, ...)
              --suites S1,S2           TLS 1.3 cipher suites (TLS_AES_128_GCM_SHA256, ...)
              --sigalgs A1,A2          signature schemes accepted from the peer (ed25519, ...)
              --cert FILE              this side's certificate chain (PEM, end-entity first)
              --key FILE               this side's private key (PEM or DER)
              --pass PASSWORD          password of an encrypted private key
              --pubkey FILE            this side's raw public key (RFC 7250), with --key
              --cafile FILE            trust anchors (PEM); the client defaults to the JDK's
              --trusted-key FILE       a raw public key the peer may present (repeatable)
              --insecure               client: do not verify the server at all (INSECURE)
              --verify-client MODE     server: none, want or need (need when --cafile or --trusted-key is given)
              --psk HEX                an external pre-shared key (RFC 8446 §4.2.11), in hexadecimal, at least 16
                                       bytes, used with SHA-256 (like openssl -psk); with --psk-identity. A
                                       server with --psk needs no --cert; a client still verifies a certificate
                                       if the server does not accept the PSK
              --psk-identity ID        the identity of --psk
              --psk-ke-without-forward-secrecy
                                       INSECURE for recorded traffic: also allow PSK handshakes without (EC)DHE
                                       (psk_ke); whoever later learns the PSK decrypts them. The server still
                                       prefers psk_dhe_ke (like openssl -allow_no_dhe_kex)
              --keylog FILE            append the TLS secrets to FILE (NSS key log format, for Wireshark)
              --quiet                  print no handshake summary and no connection lines (the server still
                                       prints the port it listens on)
              --help, -h               print this help and exit
              --www                    server: answer each connection's HTTP request with a small page naming
                                       the negotiated suite and group, then close it, connection after
                                       connection (like openssl s_server -www)
              --echo                   server: send back what each connection sends, connection after connection
              --pha-on PATH            server, with --www: on a GET of PATH, ask the client for its certificate
                                       after the handshake (TLS 1.3 post-handshake authentication) when it
                                       offered it, and answer once it did; needs --cafile
              --naccept N              server: with --www or --echo, stop after N connections (default: never)
              --handshake-timeout S    longest a handshake may take, in seconds (default 10)
              --bind ADDRESS           server: listen on this local address only (default: all)
              --early-data FILE        client: connect once for a session ticket, then reconnect resuming it and
                                       send FILE as 0-RTT early data (like gnutls-cli --resume --earlydata); the
                                       summary says whether the server accepted it (rejected data is not resent)
              --early-data N           server, with --echo: accept up to N bytes of 0-RTT early data from clients
                                       resuming a ticket, print it and echo it (early data can be replayed by
                                       an attacker: each ticket's early data is let in once, per process)
            exit codes: 0 done, 1 TLS handshake failed, 2 usage error, 3 network error, 4 bad configuration or file
            """;

    /** Whether the command line asks for the help text: {@code --help}, {@code -h} or {@code help}. */
    static boolean asksForHelp(String[] args) {
        if (args.length > 0 && args[0].equals("help")) {
            return true;
        }
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code args}, or explains in the exception what is wrong with them. */
    static CliOptions parse(String[] args) throws UsageException {
        if (args.length == 0 || !(args[0].equals("client") || args[0].equals("server"))) {
            throw new UsageException("the first argument must be client or server");
        }
        boolean client = args[0].equals("client");
        String host = null;
        int port = -1;
        int i = 1;
        if (client) {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new UsageException("client needs HOST:PORT");
            }
            int colon = args[1].lastIndexOf(':');
            if (colon <= 0) {
                throw new UsageException("'" + args[1] + "' is not HOST:PORT");
            }
            host = args[1].substring(0, colon).replace("[", "").replace("]", "");
            port = port(args[1].substring(colon + 1));
            i = 2;
        }
        Builder options = new Builder();
        for (; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--insecure" -> options.insecure = true;
                case "--psk-ke-without-forward-secrecy" -> options.pskKeWithoutForwardSecrecy = true;
                case "--quiet" -> options.quiet = true;
                case "--www", "--echo" -> {
                    if (client) {
                        throw new UsageException(option + " is for server");
                    }
                    options.www |= option.equals("--www");
                    options.echo |= option.equals("--echo");
                }
                default -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException(option + " needs a value");
                    }
                    options.set(option, args[++i], client);
                }
            }
        }
        if (!client && options.port < 0) {
            throw new UsageException("server needs --port N");
        }
        if (options.clientCertificatePath != null && !options.www) {
            throw new UsageException("--pha-on goes with --www");
        }
        if (options.www && options.echo) {
            throw new UsageException("--www and --echo cannot be given together");
        }
        if (options.maxEarlyData > 0 && !options.echo) {
            throw new UsageException("--early-data goes with --echo on a server");
        }
        if ((options.psk == null) != (options.pskIdentity == null)) {
            throw new UsageException("--psk and --psk-identity go together");
        }
        if (options.acceptCount > 0 && !options.www && !options.echo) {
            throw new UsageException("--naccept goes with --www or --echo");
        }
        return options.build(client, host, client ? port : options.port);
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("'" + value + "' is not a port number");
        }
    }

    private static int count(String value) throws UsageException {
        try {
            int count = Integer.parseInt(value);
            if (count < 1) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new UsageException("'" + value + "' is not a positive number of connections");
        }
    }

    private static int earlyDataSize(String value) throws UsageException {
        try {
            int size = Integer.parseInt(value);
            if (size < 1) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new UsageException("--early-data: '" + value + "' is not a positive number of bytes (server)");
        }
    }

    private static byte[] hex(String value) throws UsageException {
        try {
            return HexFormat.of().parseHex(value.startsWith("0x") ? value.substring(2) : value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--psk: '" + value + "' is not hexadecimal (an even number of 0-9a-f digits)");
        }
    }

    private static Duration seconds(String value) throws UsageException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException("--handshake-timeout: '" + value + "' is not a positive number of seconds");
        }
    }

    /** Collects option values as they come. */
    private static final class Builder {
        private int port = -1;
        private String serverName;
        private List<String> alpn = List.of();
        private List<String> groups = List.of();
        private List<String> suites = List.of();
        private List<String> signatureAlgorithms = List.of();
        private Path certificateChain;
        private Path privateKey;
        private String password;
        private Path publicKey;
        private Path caFile;
        private final List<Path> trustedKeys = new ArrayList<>();
        private boolean insecure;
        private String verifyClient;
        private Path keyLog;
        private boolean quiet;
        private boolean www;
        private boolean echo;
        private int acceptCount;
        private String bindAddress;
        private Duration handshakeTimeout;
        private String clientCertificatePath;
        private Path earlyDataFile;
        private int maxEarlyData;
        private byte[] psk;
        private String pskIdentity;
        private boolean pskKeWithoutForwardSecrecy;

        void set(String option, String value, boolean client) throws UsageException {
            switch (option) {
                case "--port" -> {
                    if (client) {
                        throw new UsageException("--port is for server; a client takes HOST:PORT");
                    }
                    port = port(value);
                }
                case "--servername" -> serverName = value;
                case "--alpn" -> alpn = List.of(value.split(","));
                case "--groups" -> groups = List.of(value.split(","));
                case "--suites" -> suites = List.of(value.split(","));
                case "--sigalgs" -> signatureAlgorithms = List.of(value.split(","));
                case "--cert" -> certificateChain = Path.of(value);
                case "--key" -> privateKey = Path.of(value);
                case "--pass" -> password = value;
                case "--pubkey" -> publicKey = Path.of(value);
                case "--cafile" -> caFile = Path.of(value);
                case "--trusted-key" -> trustedKeys.add(Path.of(value));
                case "--verify-client" -> {
                    if (client || !List.of("none", "want", "need").contains(value)) {
                        throw new UsageException("--verify-client is for server, with none, want or need");
                    }
                    verifyClient = value;
                }
                case "--pha-on" -> {
                    if (client || !value.startsWith("/")) {
                        throw new UsageException("--pha-on is for server, with a path starting with /");
                    }
                    clientCertificatePath = value;
                }
                case "--keylog" -> keyLog = Path.of(value);
                case "--early-data" -> {
                    if (client) {
                        earlyDataFile = Path.of(value);
                    } else {
                        maxEarlyData = earlyDataSize(value);
                    }
                }
                case "--psk" -> psk = hex(value);
                case "--psk-identity" -> pskIdentity = value;
                case "--naccept" -> acceptCount = count(value);
                case "--handshake-timeout" -> handshakeTimeout = seconds(value);
                case "--bind" -> {
                    if (client) {
                        throw new UsageException("--bind is for server");
                    }
                    bindAddress = value;
                }
                default -> throw new UsageException("unknown option " + option);
            }
        }

        CliOptions build(boolean client, String host, int port) {
            return new CliOptions(client, host, port, serverName, alpn, groups, suites, signatureAlgorithms,
                    certificateChain, privateKey, password, publicKey, caFile, List.copyOf(trustedKeys), insecure,
                    verifyClient, keyLog, quiet, www, echo, acceptCount, bindAddress, handshakeTimeout,
                    clientCertificatePath, earlyDataFile, maxEarlyData,
                    psk, pskIdentity, pskKeWithoutForwardSecrecy);
        }
    }
}
