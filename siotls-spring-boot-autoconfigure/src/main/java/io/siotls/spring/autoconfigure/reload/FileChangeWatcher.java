package io.siotls.spring.autoconfigure.reload;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches files through the directories holding them and calls back once they have stopped
 * changing for a quiet period and their content differs from what was last seen, so that a
 * half-written file is not read and an unrelated change in the directory (or a touch) does not
 * count. Directory-level watching also catches the symbolic link swaps Kubernetes uses to
 * update mounted secrets. One daemon thread per watcher, stopped by {@link #close()}.
 */
final class FileChangeWatcher implements Closeable {

    private static final Logger LOG = System.getLogger(FileChangeWatcher.class.getName());

    private final Set<Path> files;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    private byte[] lastDigest;

    /**
     * @param files the files to watch
     * @param quietPeriod how long the files must stay unchanged before {@code onChange} runs
     * @param onChange what to do once they changed; it runs on the watcher's thread
     * @param name names the thread, e.g. after the side
     */
    FileChangeWatcher(Collection<Path> files, Duration quietPeriod, Runnable onChange, String name) throws IOException {
        this.files = new LinkedHashSet<>(files);
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        Set<Path> directories = new LinkedHashSet<>();
        for (Path file : this.files) {
            directories.add(file.getParent());
        }
        for (Path directory : directories) {
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.lastDigest = digest();
        this.thread = new Thread(this::watch, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                drain(key);
                WatchKey next;
                while ((next = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next);
                }
                byte[] digest = digest();
                if (!MessageDigest.isEqual(digest, lastDigest)) {
                    lastDigest = digest;
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the siotls file watcher stopped: " + e.getMessage(), e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** A digest of every watched file's content; a missing or unreadable file counts as a marker. */
    private byte[] digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                } catch (NoSuchFileException e) {
                    digest.update((byte) 0);
                } catch (IOException e) {
                    digest.update((byte) 1);
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        service.close();
    }
}
