package io.siotls.trust;

import java.util.Arrays;

/**
 * A strict parser of IP address literals, without any name lookup: IPv4 dotted quads (four decimal
 * numbers 0-255, no leading zeros) and IPv6 text (RFC 4291 §2.2: full, {@code ::}-compressed, with
 * a trailing dotted quad), optionally in brackets (RFC 3986 §3.2.2) and with a zone index
 * (RFC 6874), which is ignored.
 */
final class IpLiterals {

    private static final int IPV4_LENGTH = 4;
    private static final int IPV6_LENGTH = 16;
    private static final int IPV6_GROUPS = 8;
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpLiterals() {
    }

    /** The 4 or 16 address bytes of {@code text}, or null when it is not an IP literal. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return parseIpv6(text.substring(1, text.length() - 1));
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** {@code address} with an IPv4-mapped IPv6 address (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) reduced to its IPv4 bytes. */
    static byte[] unmapped(byte[] address) {
        if (address.length == IPV6_LENGTH
                && Arrays.equals(address, 0, IPV4_MAPPED_PREFIX.length, IPV4_MAPPED_PREFIX, 0, IPV4_MAPPED_PREFIX.length)) {
            return Arrays.copyOfRange(address, IPV4_MAPPED_PREFIX.length, IPV6_LENGTH);
        }
        return address;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_LENGTH) {
            return null;
        }
        byte[] address = new byte[IPV4_LENGTH];
        for (int i = 0; i < IPV4_LENGTH; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] parseIpv6(String text) {
        int zone = text.indexOf('%');
        if (zone >= 0) {
            if (zone == text.length() - 1) {
                return null;
            }
            text = text.substring(0, zone);
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return null;
        }
        if (compression < 0) {
            byte[] address = new byte[IPV6_LENGTH];
            return fillGroups(text, address, 0, IPV6_GROUPS) == IPV6_GROUPS ? address : null;
        }
        byte[] head = new byte[IPV6_LENGTH];
        byte[] tail = new byte[IPV6_LENGTH];
        String headText = text.substring(0, compression);
        String tailText = text.substring(compression + 2);
        int headGroups = headText.isEmpty() ? 0 : fillGroups(headText, head, 0, IPV6_GROUPS - 1);
        int tailGroups = tailText.isEmpty() ? 0 : fillGroups(tailText, tail, 0, IPV6_GROUPS - 1);
        if (headGroups < 0 || tailGroups < 0 || headGroups + tailGroups > IPV6_GROUPS - 1) {
            return null;
        }
        if (headGroups > 0 && headText.contains(".")) {
            return null;
        }
        byte[] address = new byte[IPV6_LENGTH];
        System.arraycopy(head, 0, address, 0, headGroups * 2);
        System.arraycopy(tail, 0, address, IPV6_LENGTH - tailGroups * 2, tailGroups * 2);
        return address;
    }

    /**
     * Parses colon-separated groups (the last may be a dotted quad worth two groups) into
     * {@code out}; the number of groups, or -1 when malformed or more than {@code maxGroups}.
     */
    private static int fillGroups(String text, byte[] out, int offset, int maxGroups) {
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                byte[] ipv4 = parseIpv4(group);
                if (ipv4 == null || count + 2 > maxGroups) {
                    return -1;
                }
                System.arraycopy(ipv4, 0, out, offset + count * 2, IPV4_LENGTH);
                return count + 2;
            }
            int value = hexGroup(group);
            if (value < 0 || count + 1 > maxGroups) {
                return -1;
            }
            out[offset + count * 2] = (byte) (value >> 8);
            out[offset + count * 2 + 1] = (byte) value;
            count++;
        }
        return count;
    }

    private static int hexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < group.length(); i++) {
            int digit = asciiHexDigit(group.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static int asciiHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
