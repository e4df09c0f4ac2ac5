package io.siotls.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing peer skips its test on a developer's machine and fails it under CI. */
class PeerCommandTest {

    @Test
    void anInstalledCommandPasses() {
        assertThatCode(() -> PeerCommand.require("java")).doesNotThrowAnyException();
    }

    @Test
    void aMissingCommandSkipsOrFailsUnderCi() {
        Class<? extends Throwable> expected = System.getenv("CI") != null ? AssertionError.class
                : TestAbortedException.class;
        assertThatThrownBy(() -> PeerCommand.require("siotls-no-such-peer")).isInstanceOf(expected)
                .hasMessageContaining("siotls-no-such-peer is not installed");
    }
}
