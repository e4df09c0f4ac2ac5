package io.siotls.spring.autoconfigure.aot;

import io.siotls.jsse.SiotlsSSLContextSpi;
import io.siotls.spring.autoconfigure.SiotlsFailureAnalyzer;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificatesEnvironmentPostProcessor;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image of a siotls application must keep for what siotls reaches by name or by
 * reflection: the JSSE provider's SSLContext SPI (instantiated by {@link java.security.Provider}
 * from its class name), Tomcat's SSL implementation (named to Tomcat, which loads it), the
 * protected getter of Tomcat's endpoint, the JDK 24 ML-KEM API ({@code javax.crypto.KEM}) and the
 * JDK 19/20 {@code SSLParameters} methods called where they exist, the failure analyzer and the
 * environment post-processor listed in {@code spring.factories}. Optional classes are named by
 * string, so that registering costs nothing when they are absent.
 */
public class SiotlsRuntimeHints implements RuntimeHintsRegistrar {

    private static final String TOMCAT_SSL_IMPLEMENTATION =
            "io.siotls.spring.autoconfigure.tomcat.SiotlsTomcatSslImplementation";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        ReflectionHints reflection = hints.reflection();
        reflection.registerType(SiotlsSSLContextSpi.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        reflection.registerType(TypeReference.of(TOMCAT_SSL_IMPLEMENTATION), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        reflection.registerType(TypeReference.of("org.apache.coyote.AbstractProtocol"),
                type -> type.withMethod("getEndpoint", List.of(), ExecutableMode.INVOKE));
        reflection.registerType(SiotlsFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
        reflection.registerType(DevelopmentCertificatesEnvironmentPostProcessor.class,
                MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        registerJdkMlKem(reflection);
        registerSslParameters(reflection);
    }

    /** {@code io.siotls.crypto.JdkMlKem}: {@code javax.crypto.KEM} and its nested types, JDK 21 on. */
    private static void registerJdkMlKem(ReflectionHints reflection) {
        reflection.registerType(TypeReference.of("javax.crypto.KEM"), type -> type
                .withMethod("getInstance", types(String.class), ExecutableMode.INVOKE)
                .withMethod("newEncapsulator", types(PublicKey.class, SecureRandom.class),
                        ExecutableMode.INVOKE)
                .withMethod("newDecapsulator", types(PrivateKey.class), ExecutableMode.INVOKE));
        reflection.registerType(TypeReference.of("javax.crypto.KEM$Encapsulator"),
                type -> type.withMethod("encapsulate", List.of(), ExecutableMode.INVOKE));
        reflection.registerType(TypeReference.of("javax.crypto.KEM$Encapsulated"), type -> type
                .withMethod("encapsulation", List.of(), ExecutableMode.INVOKE)
                .withMethod("key", List.of(), ExecutableMode.INVOKE));
        reflection.registerType(TypeReference.of("javax.crypto.KEM$Decapsulator"),
                type -> type.withMethod("decapsulate", types(byte[].class), ExecutableMode.INVOKE));
    }

    /** {@code io.siotls.jsse.JdkParameters}: the named groups (JDK 20) and signature schemes (JDK 19). */
    private static void registerSslParameters(ReflectionHints reflection) {
        reflection.registerType(TypeReference.of("javax.net.ssl.SSLParameters"), type -> type
                .withMethod("getNamedGroups", List.of(), ExecutableMode.INVOKE)
                .withMethod("setNamedGroups", types(String[].class), ExecutableMode.INVOKE)
                .withMethod("getSignatureSchemes", List.of(), ExecutableMode.INVOKE)
                .withMethod("setSignatureSchemes", types(String[].class), ExecutableMode.INVOKE));
    }

    private static List<TypeReference> types(Class<?>... classes) {
        return Arrays.stream(classes).map(TypeReference::of).toList();
    }
}
