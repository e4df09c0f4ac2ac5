package io.siotls.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecodeError;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.AlertLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertRecordTest {

    @Test
    void parsesLevelAndDescription() {
        AlertRecord alert = AlertRecord.parse(new byte[] {9, 2, 40, 9}, 1, 2);

        assertThat(alert.knownLevel()).isEqualTo(AlertLevel.FATAL);
        assertThat(alert.knownDescription()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
        assertThat(alert).hasToString("fatal handshake_failure");
    }

    @Test
    void unknownCodesAreKeptAsNumbers() {
        AlertRecord alert = AlertRecord.parse(new byte[] {(byte) 7, (byte) 250});

        assertThat(alert.level()).isEqualTo(7);
        assertThat(alert.knownLevel()).isNull();
        assertThat(alert.description()).isEqualTo(250);
        assertThat(alert.knownDescription()).isNull();
        assertThat(alert).hasToString("level 7 alert 250");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4})
    void anyLengthButTwoIsADecodeError(int length) {
        assertThatThrownBy(() -> AlertRecord.parse(new byte[length]))
                .isInstanceOf(DecodeError.class).hasMessageContaining("got " + length);
    }

    @Test
    void encodesAnAlertToSend() {
        assertThat(AlertRecord.of(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).toBytes()).containsExactly(1, 0);
    }
}
