package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.siotls.Limits;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.spring.autoconfigure.devcerts.SiotlsDevCertificatesProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.util.unit.DataSize;

/**
 * The configuration metadata IDEs complete {@code siotls.*} from: every property described, the
 * defaults those of the code and of the README, and the algorithm hints exactly the names the
 * engine accepts.
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
                        "siotls.server.sni", "siotls.client.insecure-no-peer-verification", "siotls.server.key-store",
                        "siotls.server.key-store-password", "siotls.server.key-alias", "siotls.server.key-password",
                        "siotls.server.truststore-password", "siotls.client.key-store", "siotls.client.key-store-password",
                        "siotls.client.key-alias", "siotls.client.key-password", "siotls.client.truststore-password",
                        "siotls.clients", "siotls.jvm-default-client");
        assertThat(properties).allSatisfy(property ->
                assertThat((String) property.get("description")).as("%s", property.get("name")).isNotBlank());
    }

    @Test
    void theReadmeReferenceListsEveryProperty() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> names = JsonPath.read(metadata(), "$.properties[*].name");
        assertThat(names).allSatisfy(name -> assertThat(readme).as("README.md").contains("| `" + name + "` |"));
    }

    /**
     * Every limit has its default in the metadata, the one a fresh properties object holds and
     * {@link Limits#DEFAULTS} has: the processor takes a default only from an initialiser it can
     * read, so an initialiser computed from {@code Limits.DEFAULTS} left IDEs without any.
     */
    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void everyLimitHasItsRuntimeDefault(String side) throws Exception {
        String prefix = "siotls." + side + ".limits.";
        List<Map<String, Object>> limits = JsonPath.read(metadata(),
                "$.properties[?(@.name =~ /siotls\\." + side + "\\.limits\\..*/)]");
        List<String> fields = Arrays.stream(SiotlsLimitsProperties.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName).toList();
        assertThat(limits).extracting(limit -> (String) limit.get("name"))
                .containsExactlyInAnyOrderElementsOf(fields.stream().map(field -> prefix + dashed(field)).toList());
        BeanWrapper fresh = new BeanWrapperImpl(new SiotlsLimitsProperties());
        for (Map<String, Object> limit : limits) {
            String name = (String) limit.get("name");
            String field = camel(name.substring(prefix.length()));
            Object runtime = fresh.getPropertyValue(field);
            Object declared = limit.get("defaultValue");
            assertThat(declared).as("the defaultValue of %s", name).isNotNull();
            Object parsed = runtime instanceof DataSize ? DataSize.parse((String) declared) : declared;
            assertThat(parsed).as("the defaultValue of %s", name).isEqualTo(runtime);
            long bytesOrCount = runtime instanceof DataSize size ? size.toBytes() : ((Integer) runtime).longValue();
            Object core = Limits.class.getMethod(field).invoke(Limits.DEFAULTS);
            assertThat(bytesOrCount).as("%s against Limits.DEFAULTS", name).isEqualTo(((Integer) core).longValue());
        }
    }

    @Test
    void theDevelopmentCertificatesDirectoryHasItsRuntimeDefault() throws IOException {
        List<Object> defaults = JsonPath.read(metadata(),
                "$.properties[?(@.name == 'siotls.dev-certificates.directory')].defaultValue");
        Path runtime = new SiotlsDevCertificatesProperties().getDirectory();
        assertThat(defaults).containsExactly(runtime.toString());
        assertThat(runtime).isEqualTo(Path.of(SiotlsDevCertificatesProperties.DEFAULT_DIRECTORY));
    }

    /** The README's reference shows each default the metadata has, as the metadata writes it. */
    @Test
    void theReadmeReferenceShowsEachDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.defaultValue)]");
        assertThat(properties).extracting(property -> property.get("name")).contains(
                "siotls.server.limits.max-handshake-message-length", "siotls.dev-certificates.directory");
        assertThat(properties).allSatisfy(property -> assertThat(readme).as("README.md")
                .contains("| `" + property.get("name") + "` | `" + property.get("defaultValue") + "` |"));
    }

    private static String dashed(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static String camel(String dashed) {
        StringBuilder camel = new StringBuilder();
        for (String part : dashed.split("-")) {
            camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
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
