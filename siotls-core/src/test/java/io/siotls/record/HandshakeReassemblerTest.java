package io.siotls.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.HandshakeType;
import org.junit.jupiter.api.Test;

class HandshakeReassemblerTest {

    private static byte[] message(int type, int bodyLength) {
        byte[] message = RecordTestSupport.pattern(4 + bodyLength, type);
        message[0] = (byte) type;
        message[1] = (byte) (bodyLength >>> 16);
        message[2] = (byte) (bodyLength >>> 8);
        message[3] = (byte) bodyLength;
        return message;
    }

    @Test
    void aMessageSpanningRecordsIsYieldedWhenComplete() {
        byte[] certificate = message(11, 40_000);
        HandshakeReassembler reassembler = new HandshakeReassembler();

        reassembler.add(certificate, 0, 2);
        assertThat(reassembler.next()).isNull();
        assertThat(reassembler.hasPartialMessage()).isTrue();
        reassembler.add(certificate, 2, 16_382);
        assertThat(reassembler.next()).isNull();
        reassembler.add(certificate, 16_384, certificate.length - 16_384);

        EncodedHandshakeMessage message = reassembler.next();
        assertThat(message.type()).isEqualTo(11);
        assertThat(message.knownType()).isEqualTo(HandshakeType.CERTIFICATE);
        assertThat(message.bodyLength()).isEqualTo(40_000);
        assertThat(message.bytes()).isEqualTo(certificate);
        assertThat(reassembler.hasPartialMessage()).isFalse();
        assertThat(reassembler.isEmpty()).isTrue();
    }

    @Test
    void aRecordHoldingSeveralMessagesYieldsThemInOrder() {
        byte[] first = message(8, 6);
        byte[] second = message(5, 0);
        byte[] third = message(20, 32);
        byte[] record = new byte[first.length + second.length + 3];
        System.arraycopy(first, 0, record, 0, first.length);
        System.arraycopy(second, 0, record, first.length, second.length);
        System.arraycopy(third, 0, record, first.length + second.length, 3);
        HandshakeReassembler reassembler = new HandshakeReassembler();

        reassembler.add(record);

        assertThat(reassembler.hasPartialMessage()).isTrue();
        assertThat(reassembler.next().bytes()).isEqualTo(first);
        assertThat(reassembler.next().bytes()).isEqualTo(second);
        assertThat(reassembler.next()).isNull();
        reassembler.add(third, 3, third.length - 3);
        assertThat(reassembler.next().bytes()).isEqualTo(third);
        assertThat(reassembler.hasPartialMessage()).isFalse();
    }

    @Test
    void completeButUnreadMessagesAreNotPartial() {
        HandshakeReassembler reassembler = new HandshakeReassembler();

        reassembler.add(message(20, 32));

        assertThat(reassembler.hasPartialMessage()).isFalse();
        assertThat(reassembler.isEmpty()).isFalse();
    }

    @Test
    void anUnknownTypeIsKeptAsItsCode() {
        HandshakeReassembler reassembler = new HandshakeReassembler();

        reassembler.add(message(200, 1));

        EncodedHandshakeMessage message = reassembler.next();
        assertThat(message.type()).isEqualTo(200);
        assertThat(message.knownType()).isNull();
    }

    @Test
    void anOversizedMessageIsRefusedAsSoonAsItsHeaderIsIn() {
        HandshakeReassembler reassembler = new HandshakeReassembler();

        reassembler.add(new byte[] {11, 1, 0});

        assertThatThrownBy(() -> reassembler.add(new byte[] {1}))
                .isInstanceOf(IllegalParameter.class).hasMessageContaining("65537");
    }

    @Test
    void theLimitIsConfigurable() {
        HandshakeReassembler reassembler = new HandshakeReassembler(100);
        reassembler.add(message(11, 100));
        assertThat(reassembler.next().bodyLength()).isEqualTo(100);

        assertThatThrownBy(() -> reassembler.add(new byte[] {11, 0, 0, 101}))
                .isInstanceOf(IllegalParameter.class);
        assertThatThrownBy(() -> new HandshakeReassembler(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLegalClientHelloIsAcceptedWhateverTheLimitAndNoLongerOne() {
        HandshakeReassembler reassembler = new HandshakeReassembler(1024);
        reassembler.add(message(1, 131_396));
        assertThat(reassembler.next().bodyLength()).isEqualTo(131_396);

        assertThatThrownBy(() -> reassembler.add(new byte[] {1, 0x02, 0x01, 0x45}))
                .isInstanceOf(DecodeError.class).hasMessageContaining("131396");
    }

    @Test
    void aBodyLongerThanItsMessageFormatAllowsIsADecodeErrorBeforeTheLimit() {
        assertThatThrownBy(() -> new HandshakeReassembler().add(new byte[] {20, 0x01, 0x00, 0x00}))
                .as("a Finished of 64 KiB: no hash is that long")
                .isInstanceOf(DecodeError.class).hasMessageContaining("type 20");
        assertThatThrownBy(() -> new HandshakeReassembler().add(new byte[] {24, 0, 0, 2}))
                .as("a KeyUpdate of two bytes").isInstanceOf(DecodeError.class);
        HandshakeReassembler reassembler = new HandshakeReassembler();
        reassembler.add(message(20, 48));
        assertThat(reassembler.next().bodyLength()).isEqualTo(48);
    }

    @Test
    void anOversizedMessageAfterACompleteOneIsRefused() {
        HandshakeReassembler reassembler = new HandshakeReassembler(10);
        byte[] record = new byte[8 + 4];
        System.arraycopy(message(8, 4), 0, record, 0, 8);
        record[8] = 11;
        record[9] = (byte) 0xff;

        assertThatThrownBy(() -> reassembler.add(record)).isInstanceOf(IllegalParameter.class);
    }
}
