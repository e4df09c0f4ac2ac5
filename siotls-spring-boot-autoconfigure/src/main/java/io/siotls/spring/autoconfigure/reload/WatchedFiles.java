package io.siotls.spring.autoconfigure.reload;

import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import io.siotls.spring.autoconfigure.SiotlsServerProperties;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SniChain;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * The files one side's key and trust material is read from, by the property naming each, for
 * {@code reload-on-update} to watch; a server's session ticket key file among them. Each must be
 * a file of the file system: a classpath or URL resource cannot change under a running
 * application.
 */
final class WatchedFiles {

    private WatchedFiles() {
    }

    /**
     * @param prefix {@code siotls.server} or {@code siotls.client}
     * @throws SiotlsPropertyException naming a property whose resource is not a file
     */
    static Map<String, Path> of(SiotlsSideProperties properties, String prefix, ResourceLoader loader) {
        Map<String, Path> files = new LinkedHashMap<>();
        add(files, prefix + ".certificate-chain", properties.getCertificateChain());
        add(files, prefix + ".private-key", properties.getPrivateKey());
        add(files, prefix + ".key-store", properties.getKeyStore());
        add(files, prefix + ".public-key", properties.getPublicKey());
        String truststore = properties.getTruststore();
        if (StringUtils.hasText(truststore)
                && !truststore.trim().toLowerCase(Locale.ROOT).equals(SiotlsSideProperties.SYSTEM_TRUSTSTORE)) {
            add(files, prefix + ".truststore", loader.getResource(truststore.trim()));
        }
        List<Resource> keys = properties.getTrustedPublicKeys();
        for (int i = 0; i < keys.size(); i++) {
            add(files, prefix + ".trusted-public-keys[" + i + "]", keys.get(i));
        }
        if (properties instanceof SiotlsServerProperties server) {
            add(files, prefix + ".ocsp-response", server.getOcspResponse());
            if (server.getSessionTickets().sendsTickets()) {
                add(files, prefix + ".session-tickets.key-file", server.getSessionTickets().getKeyFile());
            }
            for (Map.Entry<String, SniChain> sni : server.getSni().entrySet()) {
                String sniPrefix = prefix + ".sni[" + sni.getKey() + "]";
                add(files, sniPrefix + ".certificate-chain", sni.getValue().getCertificateChain());
                add(files, sniPrefix + ".private-key", sni.getValue().getPrivateKey());
                add(files, sniPrefix + ".key-store", sni.getValue().getKeyStore());
            }
        }
        return files;
    }

    private static void add(Map<String, Path> files, String property, Resource resource) {
        if (resource == null) {
            return;
        }
        if (!resource.isFile()) {
            throw new SiotlsPropertyException(property, resource.getDescription()
                    + " is not a file of the file system, so reload-on-update cannot watch it",
                    "Give " + property + " as a file: location, or turn reload-on-update off.");
        }
        try {
            files.put(property, resource.getFile().toPath().toAbsolutePath());
        } catch (IOException e) {
            throw new SiotlsPropertyException(property, resource.getDescription() + " cannot be watched: "
                    + e.getMessage(), "Give " + property + " as a file: location, or turn reload-on-update off.", e);
        }
    }
}
