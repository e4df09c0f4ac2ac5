package io.siotls.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPrivateKeySpec;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of the RFC 8448 traces, one resource file per section under {@code rfc8448/}:
 * {@code simple-1rtt.txt} (§3), {@code hello-retry-request.txt} (§5),
 * {@code client-authentication.txt} (§6), {@code compatibility-mode.txt} (§7).
 */
public final class Rfc8448 {

    private static final Map<String, Rfc8448> SECTIONS = new ConcurrentHashMap<>();

    private final String file;
    private final Map<String, byte[]> values;

    private Rfc8448(String file) {
        this.file = file;
        this.values = load(file);
    }

    /** The values of {@code rfc8448/<file>}. */
    public static Rfc8448 section(String file) {
        return SECTIONS.computeIfAbsent(file, Rfc8448::new);
    }

    /** The value named {@code name} of §3 ("Simple 1-RTT Handshake"). */
    public static byte[] get(String name) {
        return section("simple-1rtt.txt").value(name);
    }

    /** The value named {@code name} in this section's file. */
    public byte[] value(String name) {
        byte[] value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no RFC 8448 value named " + name + " in " + file);
        }
        return value.clone();
    }

    /** The DER certificate named {@code name} in this section's file. */
    public X509Certificate certificate(String name) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(value(name)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("rfc8448/" + file + ": " + name + " is not a certificate", e);
        }
    }

    /** The server's RSA certificate of §2 and §3 (also the server's in §5 and §7). */
    public static X509Certificate serverRsaCertificate() {
        return section("simple-1rtt.txt").certificate("server_certificate");
    }

    /** The private key of {@link #serverRsaCertificate()}, RFC 8448 §2. */
    public static PrivateKey serverRsaPrivateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
                    new BigInteger(1, get("server_rsa_modulus")), new BigInteger(1, get("server_rsa_private_exponent"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> load(String file) {
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource rfc8448/" + file);
            }
            Map<String, byte[]> values = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim();
                if (values.put(name, HexFormat.of().parseHex(line.substring(colon + 1).trim())) != null) {
                    throw new IllegalStateException("rfc8448/" + file + " names " + name + " twice");
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
