package io.siotls.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadCertificate;
import io.siotls.testing.TestPki;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameVerifierTest {

    private static final X509Certificate NAMES = TestPki.builder()
            .dnsNames("www.example.com", "*.wild.example.com", "f*.partial.example.com", "*.com", "*",
                    "xn--bcher-kva.example", "*.xn--idn-wild-9ya.example", "trailing.example.", "MiXeD.Example.ORG",
                    "a.*.example.net", "*.*.double.example")
            .ipAddresses("192.0.2.7", "2001:db8::1", "::ffff:198.51.100.9", "10.0.0.1")
            .build().leaf();

    private static final X509Certificate CN_ONLY = TestPki.builder()
            .subject("CN=cn-only.example.com").dnsNames().ipAddresses().build().leaf();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "www.example.com, true",
            "WWW.EXAMPLE.COM, true",
            "www.example.com., true",
            "example.com, false",
            "ww.example.com, false",
            "wwww.example.com, false",
            "a.wild.example.com, true",
            "A.Wild.Example.Com., true",
            "xn--ls8h.wild.example.com, true",
            "wild.example.com, false",
            "a.b.wild.example.com, false",
            ".wild.example.com, false",
            "*.wild.example.com, false",
            "foo.partial.example.com, false",
            "f.partial.example.com, false",
            "example.com, false",
            "anything.com, false",
            "com, false",
            "localhost, false",
            "xn--bcher-kva.example, true",
            "XN--BCHER-KVA.EXAMPLE, true",
            "bücher.example, false",
            "x.xn--idn-wild-9ya.example, true",
            "trailing.example, true",
            "trailing.example., true",
            "trailing.example.., false",
            "mixed.example.org, true",
            "a.b.example.net, false",
            "a.x.double.example, false",
            "192.0.2.7, true",
            "192.0.2.8, false",
            "192.000.002.007, false",
            "2001:db8::1, true",
            "[2001:db8::1], true",
            "2001:DB8:0:0:0:0:0:1, true",
            "2001:0db8:0000:0000:0000:0000:0000:0001, true",
            "2001:db8::1%eth0, true",
            "2001:db8::2, false",
            "198.51.100.9, true",
            "::ffff:198.51.100.9, true",
            "::ffff:c633:6409, true",
            "::ffff:192.0.2.7, true",
            "::ffff:10.0.0.1, true",
            "::10.0.0.1, false",
            "10.0.0.1., false",
    })
    void matchesSubjectAltNames(String host, boolean expected) {
        assertThat(HostnameVerifier.matches(NAMES, host)).isEqualTo(expected);
    }

    @Test
    void neverFallsBackToTheCommonName() {
        assertThat(HostnameVerifier.matches(CN_ONLY, "cn-only.example.com")).isFalse();
        assertThatThrownBy(() -> HostnameVerifier.verify(CN_ONLY, "cn-only.example.com"))
                .isInstanceOf(BadCertificate.class)
                .hasMessageContaining("'cn-only.example.com'")
                .hasMessageContaining("holds no DNS name nor IP address");
    }

    @Test
    void dnsNamesNeverMatchIpHostsAndIpSansNeverMatchNames() {
        X509Certificate numericDns = TestPki.builder().dnsNames("127.0.0.1").ipAddresses().build().leaf();
        assertThat(HostnameVerifier.matches(numericDns, "127.0.0.1")).isFalse();
        X509Certificate defaultLeaf = TestPki.builder().build().leaf();
        assertThat(HostnameVerifier.matches(defaultLeaf, "localhost")).isTrue();
        assertThat(HostnameVerifier.matches(defaultLeaf, "127.0.0.1")).isTrue();
        assertThat(HostnameVerifier.matches(defaultLeaf, "[::1]")).isTrue();
        assertThat(HostnameVerifier.matches(defaultLeaf, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(HostnameVerifier.matches(defaultLeaf, "::2")).isFalse();
    }

    @Test
    void nullAndEmptyInputsNeverMatch() {
        assertThat(HostnameVerifier.matches(null, "localhost")).isFalse();
        assertThat(HostnameVerifier.matches(NAMES, null)).isFalse();
        assertThat(HostnameVerifier.matches(NAMES, "")).isFalse();
        assertThat(HostnameVerifier.matches(NAMES, ".")).isFalse();
        assertThatThrownBy(() -> HostnameVerifier.verify(null, "localhost"))
                .isInstanceOf(BadCertificate.class).hasMessageContaining("no certificate was given");
    }

    @Test
    void verifyNamesTheHostAndTheCertificateNames() {
        HostnameVerifier.verify(NAMES, "a.wild.example.com");
        assertThatThrownBy(() -> HostnameVerifier.verify(NAMES, "evil.example"))
                .isInstanceOf(BadCertificate.class)
                .hasMessageStartingWith("bad_certificate: the certificate does not match the host 'evil.example'")
                .hasMessageContaining("www.example.com, *.wild.example.com")
                .hasMessageContaining("192.0.2.7")
                .hasMessageContaining("2001:db8:0:0:0:0:0:1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "127.0.0.1, true",
            "0.0.0.0, true",
            "255.255.255.255, true",
            "256.1.1.1, false",
            "1.2.3, false",
            "1.2.3.4.5, false",
            "01.2.3.4, false",
            "1.2.3.4., false",
            "1..3.4, false",
            "'', false",
            "localhost, false",
            "example.com, false",
            "1.2.3.a, false",
            "::, true",
            "::1, true",
            "[::1], true",
            "[::1, false",
            "::1], false",
            "fe80::1%eth0, true",
            "fe80::1%, false",
            "2001:db8::, true",
            "2001:db8:0:0:0:0:0:1, true",
            "2001:db8:0:0:0:0:0:0:1, false",
            "2001:db8:0:0:0:0:1, false",
            "2001:db8::0:0:0:0:0:1, false",
            "2001:db8::1::2, false",
            ":::1, false",
            "1:::2, false",
            "12345::1, false",
            "g::1, false",
            "::ffff:1.2.3.4, true",
            "0:0:0:0:0:ffff:1.2.3.4, true",
            "::ffff:1.2.3, false",
            "1.2.3.4::, false",
            ":1::2, false",
            "1::2:, false",
            "١٢٧.0.0.1, false",
    })
    void recognisesIpLiteralsStrictly(String host, boolean expected) {
        assertThat(HostnameVerifier.isIpLiteral(host)).isEqualTo(expected);
    }

    @Test
    void isIpLiteralHandlesNull() {
        assertThat(HostnameVerifier.isIpLiteral(null)).isFalse();
    }
}
