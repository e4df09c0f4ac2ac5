package io.siotls.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionBlockTest {

    private static ExtensionBlock parse(String hex, ExtensionContext context) {
        TLSReader reader = new TLSReader(HexFormat.of().parseHex(hex));
        ExtensionBlock block = ExtensionBlock.read(reader, context);
        reader.expectEnd("block");
        return block;
    }

    private static String write(ExtensionBlock block) {
        TLSWriter writer = new TLSWriter();
        block.write(writer);
        return HexFormat.of().formatHex(writer.toByteArray());
    }

    @Test
    void clientHelloExtensionsRoundTrip() {
        ExtensionBlock block = ExtensionBlock.of(List.of(
                new ServerNameExtension("example.com"),
                SupportedVersionsExtension.offered(List.of(0x0304, 0x0303)),
                new SupportedGroupsExtension(List.of(0x001d, 0x0017)),
                KeyShareExtension.clientShares(List.of(new KeyShareEntry(0x001d, new byte[32]))),
                SignatureAlgorithmsExtension.forHandshake(List.of(0x0403, 0x0804)),
                new ALPNExtension(List.of("h2", "http/1.1")),
                new RecordSizeLimitExtension(16385),
                new UnknownExtension(0xfafa, new byte[] {1, 2})));
        String hex = write(block);
        ExtensionBlock parsed = parse(hex, ExtensionContext.CLIENT_HELLO);
        assertThat(write(parsed)).isEqualTo(hex);
        assertThat(parsed.get(ExtensionType.SERVER_NAME, ServerNameExtension.class).hostName()).isEqualTo("example.com");
        assertThat(parsed.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class).protocols())
                .containsExactly("h2", "http/1.1");
        assertThat(parsed.typeCodes()).containsExactly(0, 43, 10, 51, 13, 16, 28, 0xfafa);
    }

    @Test
    void duplicateExtensionIsIllegalParameter() {
        assertThatThrownBy(() -> parse("0010" + "000a00040002001d" + "000a00040002001d",
                ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("supported_groups appears twice");
    }

    @Test
    void extensionNotAllowedInTheMessageIsIllegalParameter() {
        // supported_versions (43) is not allowed in EncryptedExtensions, RFC 8446 §4.2
        assertThatThrownBy(() -> parse("0006002b00020304", ExtensionContext.ENCRYPTED_EXTENSIONS))
                .isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("supported_versions is not allowed in encrypted_extensions");
    }

    @Test
    void keyShareOfferingAGroupTwiceIsIllegalParameter() {
        assertThatThrownBy(() -> parse("0010" + "0033000c" + "000a" + "001d000101" + "001d000102",
                ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("offers group 29 twice");
    }

    @Test
    void truncatedExtensionDataIsDecodeError() {
        assertThatThrownBy(() -> parse("0006000a0004001d", ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(DecodeError.class);
    }

    @Test
    void serverMustSelectExactlyOneApplicationProtocol() {
        ExtensionBlock two = ExtensionBlock.of(List.of(new ALPNExtension(List.of("h2", "http/1.1"))));
        assertThatThrownBy(() -> parse(write(two), ExtensionContext.ENCRYPTED_EXTENSIONS))
                .isInstanceOf(DecodeError.class)
                .hasMessageContaining("exactly one application protocol");
    }

    @Test
    void recordSizeLimitBelowSixtyFourIsIllegalParameter() {
        assertThatThrownBy(() -> parse("0006001c0002003f", ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("record_size_limit 63");
    }

    /** A server_name extension in a ClientHello block: type 0, one name of type host_name. */
    private static String serverName(String hostNameHex) {
        int nameLength = hostNameHex.length() / 2;
        String entry = "00" + "%04x".formatted(nameLength) + hostNameHex;
        String list = "%04x".formatted(entry.length() / 2) + entry;
        String extension = "0000" + "%04x".formatted(list.length() / 2) + list;
        return "%04x".formatted(extension.length() / 2) + extension;
    }

    @Test
    void sniHostNamesWithControlOrNonAsciiBytesAreIllegalParameter() {
        String example = HexFormat.of().formatHex("example.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(parse(serverName(example), ExtensionContext.CLIENT_HELLO)
                .get(ExtensionType.SERVER_NAME, ServerNameExtension.class).hostName()).isEqualTo("example.com");
        for (String injected : new String[] {example + "00" + "2e6576696c", example + "0d0a", "c3a9" + example,
                "20" + example}) {
            assertThatThrownBy(() -> parse(serverName(injected), ExtensionContext.CLIENT_HELLO))
                    .as(injected).isInstanceOf(IllegalParameter.class)
                    .hasMessageContaining("not printable ASCII");
        }
    }

    @Test
    void sniWithTwoHostNamesIsIllegalParameter() {
        String entry = "00" + "0001" + "61";
        String list = "%04x".formatted(2 * entry.length() / 2) + entry + entry;
        String extension = "0000" + "%04x".formatted(list.length() / 2) + list;
        assertThatThrownBy(() -> parse("%04x".formatted(extension.length() / 2) + extension,
                ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("more than one host_name");
    }

    @Test
    void alpnWithAnEmptyProtocolNameIsDecodeError() {
        // protocol_name_list: "h2", then a zero-length name (RFC 7301 §3.1 forbids empty names)
        String list = "0004" + "026832" + "00";
        String extension = "0010" + "%04x".formatted(list.length() / 2) + list;
        assertThatThrownBy(() -> parse("%04x".formatted(extension.length() / 2) + extension,
                ExtensionContext.CLIENT_HELLO))
                .isInstanceOf(DecodeError.class)
                .hasMessageContaining("protocol name");
    }
}
