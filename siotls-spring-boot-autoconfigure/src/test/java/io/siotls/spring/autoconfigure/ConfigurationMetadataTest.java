package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code siotls.*} from: every property described, and
 * the algorithm hints exactly the names the engine accepts.
 */
class ConfigurationMetadataTest {

    private static Object metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            return JsonPath.parse(in).json();
        }
    }

    @Test
    void everyPropertyHasADescription() throws IOException {
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[*]");
        assertThat(properties).extracting(property -> property.get("name"))
                .contains("siotls.implementation", "siotls.server.client-auth", "siotls.client.truststore",
                        "siotls.server.sni", "siotls.client.insecure-no-peer-verification");
        assertThat(properties).allSatisfy(property ->
                assertThat((String) property.get("description")).as("%s", property.get("name")).isNotBlank());
    }

    @Test
    void theReadmeReferenceListsEveryProperty() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> names = JsonPath.read(metadata(), "$.properties[*].name");
        assertThat(names).allSatisfy(name -> assertThat(readme).as("README.md").contains("| `" + name + "` |"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void algorithmHintsAreTheEngineNames(String side) throws IOException {
        Object metadata = metadata();
        assertThat(hint(metadata, side, "cipher-suites")).containsExactlyElementsOf(names(CipherSuite.values(),
                CipherSuite::ianaName));
        assertThat(hint(metadata, side, "key-exchanges")).containsExactlyElementsOf(names(NamedGroup.values(),
                NamedGroup::ianaName));
        List<String> schemes = names(SignatureScheme.values(), SignatureScheme::ianaName);
        assertThat(hint(metadata, side, "signature-algorithms")).containsExactlyElementsOf(schemes);
        assertThat(hint(metadata, side, "private-key-signature-algorithms")).containsExactlyElementsOf(schemes);
        assertThat(hint(metadata, side, "truststore")).containsExactly("system");
    }

    private static List<String> hint(Object metadata, String side, String property) {
        List<Object> values = JsonPath.read(metadata,
                "$.hints[?(@.name == 'siotls." + side + "." + property + "')].values[*].value");
        return values.stream().map(String::valueOf).toList();
    }

    private static <T> List<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
