package io.siotls.interop;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What OpenSSL's {@code -trace} output says was negotiated: the ServerHello's cipher suite and
 * key share group, the server's CertificateVerify scheme, and the plaintext length of every
 * application data record OpenSSL received.
 *
 * @param cipherSuite        the cipher suite of the (last) ServerHello
 * @param group              the group of the (last) ServerHello's key share
 * @param certificateVerify  the scheme of the first CertificateVerify (the server's)
 * @param receivedDataLengths the encrypted length of each application data record OpenSSL received
 */
record OpenSslTrace(CipherSuite cipherSuite, NamedGroup group, SignatureScheme certificateVerify,
        List<Integer> receivedDataLengths) {

    private static final Pattern CIPHER_SUITE = Pattern.compile("cipher_suite \\{0x(\\p{XDigit}{2}), 0x(\\p{XDigit}{2})\\}");
    private static final Pattern GROUP = Pattern.compile("NamedGroup: .*\\((\\d+)\\)$", Pattern.MULTILINE);
    private static final Pattern CERTIFICATE_VERIFY = Pattern.compile(
            "CertificateVerify, Length=\\d+\\s+Signature Algorithm: \\S+ \\(0x(\\p{XDigit}{4})\\)");
    private static final Pattern RECEIVED_DATA = Pattern.compile(
            "Received Record\\s+Header:\\s+Version = [^\\n]+\\s+Content Type = ApplicationData \\(23\\)\\s+"
                    + "Length = (\\d+)\\s+Inner Content Type = ApplicationData \\(23\\)");

    OpenSslTrace {
        receivedDataLengths = List.copyOf(receivedDataLengths);
    }

    /** Parses the text OpenSSL wrote with {@code -trace -msgfile}; fails naming what is missing. */
    static OpenSslTrace parse(String trace) {
        int serverHello = trace.lastIndexOf("ServerHello, Length=");
        if (serverHello < 0) {
            throw new AssertionError("no ServerHello in the OpenSSL trace:\n" + trace);
        }
        String fromServerHello = trace.substring(serverHello);
        Matcher suite = find(CIPHER_SUITE, fromServerHello, "cipher_suite");
        Matcher group = find(GROUP, fromServerHello, "key_share group");
        Matcher verify = find(CERTIFICATE_VERIFY, trace, "CertificateVerify");
        List<Integer> lengths = new ArrayList<>();
        Matcher data = RECEIVED_DATA.matcher(trace);
        while (data.find()) {
            lengths.add(Integer.parseInt(data.group(1)));
        }
        return new OpenSslTrace(
                CipherSuite.fromCode(Integer.parseInt(suite.group(1) + suite.group(2), 16)),
                NamedGroup.fromCode(Integer.parseInt(group.group(1))),
                SignatureScheme.fromCode(Integer.parseInt(verify.group(1), 16)),
                lengths);
    }

    private static Matcher find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " in the OpenSSL trace:\n" + text);
        }
        return matcher;
    }
}
