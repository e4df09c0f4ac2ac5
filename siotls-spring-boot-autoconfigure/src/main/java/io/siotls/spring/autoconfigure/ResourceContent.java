package io.siotls.spring.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
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
            Path onDisk = onDisk(resource);
            if (onDisk != null) {
                String location = "file:" + onDisk.toString().replace('\\', '/');
                throw new SiotlsPropertyException(property, describe(resource) + " does not exist, but " + onDisk
                        + " exists on disk: a location without a prefix is a class path resource",
                        "Set " + property + " to " + location + " to read the file " + onDisk + ".");
            }
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

    /**
     * The file a class path resource (a location given without a prefix, or with
     * {@code classpath:}) names when read as a file path, if it exists; else null.
     */
    private static Path onDisk(Resource resource) {
        String path;
        if (resource instanceof ContextResource context) {
            path = context.getPathWithinContext();
        } else if (resource instanceof ClassPathResource classPath) {
            path = classPath.getPath();
        } else {
            return null;
        }
        if (path == null || path.isBlank()) {
            return null;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        try {
            for (Path candidate : new Path[] {Path.of("/" + relative), Path.of(relative)}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath().normalize();
                }
            }
        } catch (InvalidPathException | SecurityException e) {
            return null;
        }
        return null;
    }

    /** How messages name a resource. */
    static String describe(Resource resource) {
        return resource.getDescription();
    }
}
