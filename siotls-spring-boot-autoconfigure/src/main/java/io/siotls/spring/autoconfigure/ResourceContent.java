package io.siotls.spring.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;

/** Reads the file a property points to, failing with the property named. */
final class ResourceContent {

    /** Larger than any key, certificate bundle or OCSP response. */
    private static final int MAX_SIZE = 16 * 1024 * 1024;

    private ResourceContent() {
    }

    /** The bytes of {@code resource}, the value of {@code property}. */
    static byte[] read(Resource resource, String property) {
        if (!resource.exists()) {
            throw new SiotlsPropertyException(property, describe(resource) + " does not exist",
                    "Check that " + property + " names an existing file, e.g. file:/etc/tls/chain.pem or classpath:tls/chain.pem.");
        }
        try (InputStream in = resource.getInputStream()) {
            byte[] content = in.readNBytes(MAX_SIZE + 1);
            if (content.length > MAX_SIZE) {
                throw new SiotlsPropertyException(property, describe(resource) + " is larger than 16 MiB",
                        "Check that " + property + " names a key, certificate or OCSP response file.");
            }
            return content;
        } catch (FileNotFoundException e) {
            throw new SiotlsPropertyException(property, describe(resource) + " cannot be opened: " + e.getMessage(),
                    "Check that " + property + " names a readable file.", e);
        } catch (IOException e) {
            throw new SiotlsPropertyException(property, describe(resource) + " cannot be read: " + e.getMessage(),
                    "Check that " + property + " names a readable file.", e);
        }
    }

    /** How messages name a resource. */
    static String describe(Resource resource) {
        return resource.getDescription();
    }
}
