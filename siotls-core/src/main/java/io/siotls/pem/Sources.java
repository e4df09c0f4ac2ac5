package io.siotls.pem;

import io.siotls.alerts.TLSConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads key and certificate files, and words the errors about them. */
final class Sources {

    /** Larger than any sensible certificate bundle; guards against reading a device or a huge file. */
    static final int MAX_FILE_SIZE = 16 * 1024 * 1024;

    private Sources() {
    }

    /** How messages name a file. */
    static String name(Path file) {
        return file == null ? "(no file)" : file.toString();
    }

    /** How messages name in-memory content. */
    static String name(String sourceName) {
        return sourceName == null || sourceName.isEmpty() ? "(in-memory content)" : sourceName;
    }

    /** The whole content of {@code file}, or an error naming it and why it cannot be read. */
    static byte[] read(Path file) {
        if (file == null) {
            throw error(name(file), "no file was given");
        }
        if (Files.isDirectory(file)) {
            throw error(name(file), "is a directory, expected a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_FILE_SIZE + 1);
            if (content.length > MAX_FILE_SIZE) {
                throw error(name(file), "is larger than " + MAX_FILE_SIZE / (1024 * 1024) + " MiB, not a key or certificate file");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw error(name(file), "file not found", e);
        } catch (AccessDeniedException e) {
            throw error(name(file), "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw error(name(file), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** An error about {@code source}: {@code "<source>: <problem>"}. */
    static TLSConfigurationException error(String source, String problem) {
        return new TLSConfigurationException(source + ": " + problem);
    }

    /** An error about {@code source} with its cause. */
    static TLSConfigurationException error(String source, String problem, Throwable cause) {
        return new TLSConfigurationException(source + ": " + problem, cause);
    }
}
