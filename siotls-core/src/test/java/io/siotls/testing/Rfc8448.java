package io.siotls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** The values of RFC 8448 §3 ("Simple 1-RTT Handshake"), read from {@code rfc8448/simple-1rtt.txt}. */
public final class Rfc8448 {

    private static final Map<String, byte[]> VALUES = load();

    private Rfc8448() {
    }

    private static Map<String, byte[]> load() {
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/simple-1rtt.txt")) {
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

    /** The value named {@code name} in the resource file. */
    public static byte[] get(String name) {
        byte[] value = VALUES.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no RFC 8448 value named " + name);
        }
        return value.clone();
    }
}
