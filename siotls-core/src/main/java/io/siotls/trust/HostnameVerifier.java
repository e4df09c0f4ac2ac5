package io.siotls.trust;

import io.siotls.alerts.BadCertificate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Checks that a server certificate is for the host the client meant to reach (RFC 9525 §6.3,
 * RFC 6125 §6): an IP literal matches an iPAddress subject alternative name byte for byte; any
 * other host matches a dNSName case-insensitively (ASCII), ignoring one trailing dot, where a
 * wildcard may only be the whole left-most label of a name with at least two more labels. The
 * subject common name is never used. Hosts must be given in A-label form (RFC 5890); no name is
 * ever looked up.
 */
public final class HostnameVerifier {

    private static final String SUBJECT_ALT_NAME_OID = Extension.subjectAlternativeName.getId();

    private HostnameVerifier() {
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal (brackets allowed); such a host is not sent as SNI (RFC 6066 §3). */
    public static boolean isIpLiteral(String host) {
        return IpLiterals.parse(host) != null;
    }

    /** Whether {@code leaf} holds a subject alternative name matching {@code host}; false on a null or malformed input. */
    public static boolean matches(X509Certificate leaf, String host) {
        if (leaf == null || host == null || host.isEmpty()) {
            return false;
        }
        List<GeneralName> names = subjectAltNames(leaf);
        byte[] address = IpLiterals.parse(host);
        if (address != null) {
            byte[] wanted = IpLiterals.unmapped(address);
            return names.stream().filter(name -> name.getTagNo() == GeneralName.iPAddress)
                    .anyMatch(name -> Arrays.equals(wanted, IpLiterals.unmapped(octets(name))));
        }
        String wanted = normalise(host);
        if (wanted == null || wanted.indexOf('*') >= 0) {
            return false;
        }
        return names.stream().filter(name -> name.getTagNo() == GeneralName.dNSName)
                .anyMatch(name -> dnsNameMatches(normalise(((ASN1String) name.getName()).getString()), wanted));
    }

    /**
     * Throws unless {@code leaf} matches {@code host} (see {@link #matches}).
     *
     * @throws BadCertificate naming the host and the names the certificate holds
     */
    public static void verify(X509Certificate leaf, String host) {
        if (!matches(leaf, host)) {
            String holds = leaf == null ? "no certificate was given" : describeNames(leaf);
            throw new BadCertificate("the certificate does not match the host '" + host + "': " + holds);
        }
    }

    private static boolean dnsNameMatches(String presented, String host) {
        if (presented == null) {
            return false;
        }
        if (!presented.startsWith("*.")) {
            return presented.indexOf('*') < 0 && presented.equals(host);
        }
        String suffix = presented.substring(1);
        if (suffix.indexOf('*') >= 0 || suffix.indexOf('.', 1) < 0) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    /** Lower-cases ASCII letters and drops one trailing dot; null for non-ASCII or empty labels. */
    private static String normalise(String name) {
        String withoutDot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (withoutDot.isEmpty() || withoutDot.startsWith(".") || withoutDot.contains("..")) {
            return null;
        }
        StringBuilder lower = new StringBuilder(withoutDot.length());
        for (int i = 0; i < withoutDot.length(); i++) {
            char c = withoutDot.charAt(i);
            if (c > 0x7e || c < 0x21) {
                return null;
            }
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    private static List<GeneralName> subjectAltNames(X509Certificate leaf) {
        byte[] extension = leaf.getExtensionValue(SUBJECT_ALT_NAME_OID);
        if (extension == null) {
            return List.of();
        }
        try {
            return List.of(GeneralNames.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getNames());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static byte[] octets(GeneralName name) {
        return ASN1OctetString.getInstance(name.getName()).getOctets();
    }

    private static String describeNames(X509Certificate leaf) {
        List<String> dnsNames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (GeneralName name : subjectAltNames(leaf)) {
            if (name.getTagNo() == GeneralName.dNSName) {
                dnsNames.add(((ASN1String) name.getName()).getString());
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                addresses.add(formatAddress(octets(name)));
            }
        }
        if (dnsNames.isEmpty() && addresses.isEmpty()) {
            return "it holds no DNS name nor IP address (the subject common name is never used)";
        }
        return "it holds DNS names " + dnsNames + " and IP addresses " + addresses;
    }

    private static String formatAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "(" + address.length + "-byte address)";
        }
    }
}
