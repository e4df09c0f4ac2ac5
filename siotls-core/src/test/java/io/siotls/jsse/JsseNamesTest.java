package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.iana.NamedGroup;
import org.junit.jupiter.api.Test;

/** How the names JSSE hands the provider are read. */
class JsseNamesTest {

    @Test
    void groupsFromSslParametersLeaveOutWhatSiotlsDoesNotKnowAsSunJsseDoes() {
        String[] offeredByAClient = {"X25519MLKEM768", "x25519", "brainpoolP256r1tls13", " secp256r1 ", "x25519", ""};

        assertThat(JsseNames.knownNamedGroups(offeredByAClient))
                .containsExactly(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1);
        assertThat(JsseNames.knownNamedGroups(new String[] {"X25519MLKEM768"}))
                .containsExactly(NamedGroup.X25519MLKEM768);
        assertThat(JsseNames.knownNamedGroups(new String[] {"brainpoolP256r1tls13", "curveSM2MLKEM768"})).isEmpty();
    }

    @Test
    void thePostQuantumGroupsGoByTheirIanaNamesAsTomcatAndSunJssePassThem() {
        String[] names = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM512", "MLKEM768",
                "MLKEM1024"};

        assertThat(JsseNames.knownNamedGroups(names)).containsExactly(NamedGroup.X25519MLKEM768,
                NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP384R1MLKEM1024, NamedGroup.MLKEM512,
                NamedGroup.MLKEM768, NamedGroup.MLKEM1024);
        assertThat(JsseNames.namedGroups(names, "jdk.tls.namedGroups")).hasSize(6);
    }

    @Test
    void groupsFromTheJdkPropertyStillFailOnATypo() {
        assertThatThrownBy(() -> JsseNames.namedGroups(new String[] {"x25519", "secp256"}, "jdk.tls.namedGroups"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdk.tls.namedGroups: ");
    }
}
