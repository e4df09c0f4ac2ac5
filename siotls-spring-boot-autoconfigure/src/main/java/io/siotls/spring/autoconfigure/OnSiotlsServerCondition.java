package io.siotls.spring.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the server has key material: {@code siotls.server.certificate-chain},
 * {@code siotls.server.key-store}, {@code siotls.server.bundle}, {@code siotls.server.public-key}
 * or an {@code siotls.server.sni} chain is set. Fails instead of not matching when a {@code siotls.*} property is unknown (a
 * misspelt key property must not turn TLS off) or when server key or trust material is set
 * without a certificate or public key.
 */
class OnSiotlsServerCondition extends SpringBootCondition {

    private static final List<String> KEY_PROPERTIES = List.of("certificate-chain", "key-store", "bundle",
            "public-key");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        SiotlsPropertyCheck.refuseUnknown(context.getEnvironment(), context.getResourceLoader());
        ConditionOutcome outcome = keyMaterial(context);
        SiotlsPropertyCheck.refusePartialServerKeyMaterial(context.getEnvironment(), outcome.isMatch());
        return outcome;
    }

    private static ConditionOutcome keyMaterial(ConditionContext context) {
        Binder binder = Binder.get(context.getEnvironment());
        for (String name : KEY_PROPERTIES) {
            String property = TLSConfigurationFactory.SERVER + "." + name;
            if (binder.bind(property, String.class).isBound()) {
                return ConditionOutcome.match(property + " is set");
            }
        }
        ConfigurationPropertyName sni = ConfigurationPropertyName.of(TLSConfigurationFactory.SERVER + ".sni");
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source.containsDescendantOf(sni) == ConfigurationPropertyState.PRESENT) {
                return ConditionOutcome.match(sni + " is set");
            }
        }
        return ConditionOutcome.noMatch("none of siotls.server.certificate-chain, key-store, bundle, public-key or sni is set");
    }
}
