package io.siotls.pem;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What is being loaded: a file or in-memory content, named in messages, for a configuration
 * option; it reads files and raises the errors about them.
 *
 * @param name how messages name the content
 * @param option the option the content is loaded for
 */
record Source(String name, ConfigurationOption option) {

    /** Larger than any sensible certificate bundle; guards against reading a device or a huge file. */
    static final int MAX_FILE_SIZE = 16 * 1024 * 1024;

    /** A file. */
    static Source of(Path file, ConfigurationOption option) {
        return new Source(file == null ? "(no file)" : file.toString(), option);
    }

    /** In-memory content. */
    static Source of(String sourceName, ConfigurationOption option) {
        return new Source(sourceName == null || sourceName.isEmpty() ? "(in-memory content)" : sourceName, option);
    }

    /** The whole content of {@code file}, or an error naming it and why it cannot be read. */
    byte[] read(Path file) {
        if (file == null) {
            throw error(ConfigurationProblem.NULL, "no file was given");
        }
        if (Files.isDirectory(file)) {
            throw error(ConfigurationProblem.UNREADABLE, "is a directory, expected a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_FILE_SIZE + 1);
            if (content.length > MAX_FILE_SIZE) {
                throw error(ConfigurationProblem.UNREADABLE,
                        "is larger than " + MAX_FILE_SIZE / (1024 * 1024) + " MiB, not a key or certificate file");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw error(ConfigurationProblem.UNREADABLE, "file not found", e);
        } catch (AccessDeniedException e) {
            throw error(ConfigurationProblem.UNREADABLE, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw error(ConfigurationProblem.UNREADABLE, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** An error about this content: {@code "<name>: <text>"}. */
    TLSConfigurationException error(ConfigurationProblem problem, String text) {
        return error(problem, text, null);
    }

    /** An error about this content with its cause. */
    TLSConfigurationException error(ConfigurationProblem problem, String text, Throwable cause) {
        return new TLSConfigurationException(option, problem, name, name + ": " + text, cause);
    }
}
