package io.siotls.spring.autoconfigure.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.jsse.SiotlsProvider;
import io.siotls.spring.autoconfigure.SiotlsFailureAnalyzer;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificatesEnvironmentPostProcessor;
import io.siotls.spring.autoconfigure.tomcat.SiotlsTomcatSslImplementation;
import java.security.Provider;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.ExecutableHint;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The hints a native image needs for what siotls reaches by name: registered through
 * {@code META-INF/spring/aot.factories} as Spring's AOT engine loads it, and covering each class
 * and method the code reaches by name or reflection (checked with {@link RuntimeHintsPredicates}).
 */
class SiotlsRuntimeHintsTest {

    private final RuntimeHints hints = registered();

    private static RuntimeHints registered() {
        RuntimeHints hints = new RuntimeHints();
        List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class);
        assertThat(registrars).hasAtLeastOneElementOfType(SiotlsRuntimeHints.class);
        registrars.forEach(registrar -> registrar.registerHints(hints, SiotlsRuntimeHintsTest.class.getClassLoader()));
        return hints;
    }

    @Test
    void theProviderCanInstantiateItsSslContextSpiByName() throws Exception {
        Provider.Service service = new SiotlsProvider().getService("SSLContext", "TLS");
        Class<?> spi = Class.forName(service.getClassName());
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(spi.getConstructor())).accepts(hints);
    }

    @Test
    void tomcatCanLoadTheSslImplementationByNameAndTheEndpointGetterIsInvocable() throws Exception {
        assertThat(RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(SiotlsTomcatSslImplementation.class.getConstructor())).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                .onMethodInvocation(AbstractProtocol.class.getDeclaredMethod("getEndpoint"))).accepts(hints);
    }

    @Test
    void theSpringFactoriesEntriesCanBeInstantiated() throws Exception {
        assertThat(RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(SiotlsFailureAnalyzer.class.getDeclaredConstructors()[0])).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
                DevelopmentCertificatesEnvironmentPostProcessor.class.getConstructors()[0])).accepts(hints);
    }

    @Test
    void theJdkMlKemMethodsAreInvocableOnTheJdksThatHaveThem() {
        assertThat(methods("javax.crypto.KEM")).containsExactlyInAnyOrder("getInstance", "newEncapsulator",
                "newDecapsulator");
        assertThat(methods("javax.crypto.KEM$Encapsulator")).containsExactly("encapsulate");
        assertThat(methods("javax.crypto.KEM$Encapsulated")).containsExactlyInAnyOrder("encapsulation", "key");
        assertThat(methods("javax.crypto.KEM$Decapsulator")).containsExactly("decapsulate");
    }

    @Test
    void theNewerSslParametersMethodsAreInvocable() {
        assertThat(methods(SSLParameters.class.getName())).containsExactlyInAnyOrder("getNamedGroups",
                "setNamedGroups", "getSignatureSchemes", "setSignatureSchemes");
    }

    /** The methods registered for invocation on the type {@code name}, which this JDK may lack. */
    private List<String> methods(String name) {
        TypeHint type = hints.reflection().getTypeHint(TypeReference.of(name));
        assertThat(type).as(name).isNotNull();
        return type.methods().filter(method -> method.getMode() == org.springframework.aot.hint.ExecutableMode.INVOKE)
                .map(ExecutableHint::getName).toList();
    }
}
