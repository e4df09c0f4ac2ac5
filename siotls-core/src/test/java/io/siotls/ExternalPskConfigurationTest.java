package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.CipherSuite;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The checks of external PSKs (RFC 8446 §4.2.11, RFC 9257 §6) and of psk_ke: each mistake is a
 * {@code external_psks} error with its own problem, and a PSK-only server is a valid server.
 */
class ExternalPskConfigurationTest {

    private static final byte[] KEY = new byte[32];

    @Test
    void keysShorterThan128BitsAndEmptyIdentitiesAreRefused() {
        assertFails(() -> ExternalPsk.of("id", new byte[0]), ConfigurationProblem.EMPTY, "at least 16");
        assertFails(() -> ExternalPsk.of("id", new byte[15]), ConfigurationProblem.OUT_OF_RANGE, "15 bytes");
        assertFails(() -> ExternalPsk.of(new byte[0], KEY), ConfigurationProblem.EMPTY, "1 to 65535");
        assertFails(() -> ExternalPsk.of(new byte[0x10000], KEY), ConfigurationProblem.OUT_OF_RANGE, "1 to 65535");
        assertFails(() -> ExternalPsk.of((byte[]) null, KEY), ConfigurationProblem.NULL, "identity");
        assertThat(ExternalPsk.of("id", new byte[16]).key()).hasSize(16);
    }

    @Test
    void aHashNoSuiteHasOrASuiteOfAnotherHashIsUnsupported() {
        byte[] id = "id".getBytes(StandardCharsets.US_ASCII);
        assertFails(() -> ExternalPsk.of(id, KEY, "SHA-1"), ConfigurationProblem.UNSUPPORTED, "SHA-1");
        assertFails(() -> ExternalPsk.of(id, KEY).withCipherSuite(CipherSuite.TLS_AES_256_GCM_SHA384),
                ConfigurationProblem.UNSUPPORTED, "cannot be used with TLS_AES_256_GCM_SHA384");
        InvalidConfigurationException noSuite = catchThrowableOfType(() -> TLSConfiguration.server()
                .externalPsks(ExternalPsk.of(id, KEY, "SHA-384")).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .build(), InvalidConfigurationException.class);
        assertThat(noSuite.option()).isEqualTo(ConfigurationOption.EXTERNAL_PSKS);
        assertThat(noSuite.problem()).isEqualTo(ConfigurationProblem.UNSUPPORTED);
        assertThat(noSuite.getMessage()).contains("SHA-384 suites");
    }

    @Test
    void duplicateIdentitiesAndSeveralPsksOnAClientAreRefused() {
        InvalidConfigurationException duplicate = catchThrowableOfType(() -> TLSConfiguration.server()
                .externalPsks(ExternalPsk.of("same", KEY), ExternalPsk.of("same", new byte[16])).build(),
                InvalidConfigurationException.class);
        assertThat(duplicate.problem()).isEqualTo(ConfigurationProblem.DUPLICATE);
        assertThat(duplicate.side()).isEqualTo(Side.SERVER);
        assertThat(duplicate.getMessage()).contains("'same' twice");

        InvalidConfigurationException two = catchThrowableOfType(() -> TLSConfiguration.client()
                .externalPsks(ExternalPsk.of("a", KEY), ExternalPsk.of("b", KEY)).build(),
                InvalidConfigurationException.class);
        assertThat(two.problem()).isEqualTo(ConfigurationProblem.OUT_OF_RANGE);
        assertThat(two.side()).isEqualTo(Side.CLIENT);

        InvalidConfigurationException nullPsk = catchThrowableOfType(() -> TLSConfiguration.server()
                .externalPsks(ExternalPsk.of("a", KEY), null), InvalidConfigurationException.class);
        assertThat(nullPsk.problem()).isEqualTo(ConfigurationProblem.NULL);
    }

    @Test
    void aServerWithExternalPsksNeedsNoCertificate() {
        TLSConfiguration config = TLSConfiguration.server().externalPsks(ExternalPsk.of("id", KEY)).build();
        assertThat(config.externalPsk("id".getBytes(StandardCharsets.UTF_8))).isEqualTo(ExternalPsk.of("id", KEY));
        assertThat(config.externalPsk("other".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(config.signingChains()).isEmpty();
    }

    @Test
    void pskKeIsOffByDefaultAndKeptByToBuilderAndEquality() {
        TLSConfiguration plain = TLSConfiguration.server().externalPsks(ExternalPsk.of("id", KEY)).build();
        assertThat(plain.pskKeWithoutForwardSecrecy()).isFalse();
        TLSConfiguration pskKe = plain.toBuilder().pskKeWithoutForwardSecrecy(true).build();
        assertThat(pskKe.pskKeWithoutForwardSecrecy()).isTrue();
        assertThat(pskKe).isNotEqualTo(plain);
        assertThat(pskKe.toBuilder().build()).isEqualTo(pskKe);
        assertThat(pskKe.toString()).contains("INSECURE: psk_ke").contains("identity=id").doesNotContain("0000000000");
    }

    @Test
    void aBinaryIdentityIsShownInHexadecimalAndTheKeyNever() {
        ExternalPsk psk = ExternalPsk.of(new byte[] {0, 1, (byte) 0xff}, KEY);
        assertThat(psk.printableIdentity()).isEqualTo("0x0001ff");
        assertThat(psk.toString()).contains("0x0001ff").contains("key hidden");
    }

    private static void assertFails(Runnable action, ConfigurationProblem problem, String message) {
        TLSConfigurationException failure = catchThrowableOfType(action::run, TLSConfigurationException.class);
        assertThat(failure).as("expected a failure mentioning " + message).isNotNull();
        assertThat(failure.option()).isEqualTo(ConfigurationOption.EXTERNAL_PSKS);
        assertThat(failure.problem()).isEqualTo(problem);
        assertThat(failure.getMessage()).contains(message);
    }
}
