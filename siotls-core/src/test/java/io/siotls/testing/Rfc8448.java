package io.siotls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The values of the RFC 8448 traces, read from {@code rfc8448/*.txt}: §3 ("Simple 1-RTT
 * Handshake") through {@link #get}, other sections through {@link #section}.
 */
public final class Rfc8448 {

    private static final Map<String, byte[]> VALUES = load("simple-1rtt.txt");

    private final Map<String, byte[]> values;

    private Rfc8448(Map<String, byte[]> values) {
        this.values = values;
    }

    /** The values of another trace, e.g. {@code hello-retry-request.txt}. */
    public static Rfc8448 section(String file) {
        return new Rfc8448(load(file));
    }

    /** The value named {@code name} in this trace. */
    public byte[] value(String name) {
        return lookup(values, name);
    }

    private static Map<String, byte[]> load(String file) {
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/" + file)) {
            Map<String, byte[]> values = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                values.put(line.substring(0, colon).trim(), HexFormat.of().parseHex(line.substring(colon + 1).trim()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value named {@code name} in the §3 trace. */
    public static byte[] get(String name) {
        return lookup(VALUES, name);
    }

    private static byte[] lookup(Map<String, byte[]> values, String name) {
        byte[] value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no RFC 8448 value named " + name);
        }
        return value.clone();
    }
}
