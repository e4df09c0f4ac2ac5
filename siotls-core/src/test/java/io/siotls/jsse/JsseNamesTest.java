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
                .containsExactly(NamedGroup.X25519, NamedGroup.SECP256R1);
        assertThat(JsseNames.knownNamedGroups(new String[] {"X25519MLKEM768"})).isEmpty();
    }

    @Test
    void groupsFromTheJdkPropertyStillFailOnATypo() {
        assertThatThrownBy(() -> JsseNames.namedGroups(new String[] {"x25519", "secp256"}, "jdk.tls.namedGroups"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdk.tls.namedGroups: ");
    }
}
