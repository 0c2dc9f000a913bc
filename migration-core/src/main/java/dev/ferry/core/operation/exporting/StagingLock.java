package dev.ferry.core.operation.exporting;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks a staging directory as in use by a running export, so that another export to the same directory neither
 * resumes in it nor removes it: a lock on the file {@value #NAME} in it, which other processes see and which ends with
 * the process however it ends (a kill too), and a set of the directories this JVM's exports hold (a process's locks on
 * a file are released when it closes any channel on that file, so this JVM never opens a lock file it holds).
 */
final class StagingLock implements AutoCloseable {
    /** The lock file's name in the staging directory; deleted before the directory becomes the export. */
    static final String NAME = ".ferry-export-lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** Another export, in this JVM or another process, holds the lock. */
    static final class Taken extends IOException {
        Taken(String message) {
            super(message);
        }
    }

    private final Path directory;
    private final FileChannel channel;

    private StagingLock(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    /**
     * Takes the lock of {@code staging} until {@link #close}.
     *
     * @throws Taken       where another export holds it
     * @throws IOException where the lock file cannot be written
     */
    static StagingLock hold(Path staging) throws IOException {
        Path key = staging.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new Taken("another export is running in " + staging);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | UnsupportedOperationException noLocks) {
                // A file system without locks: this JVM's set still keeps its own exports apart.
                return new StagingLock(key, channel);
            }
            if (lock == null) {
                throw new Taken("another process's export is running in " + staging);
            }
            return new StagingLock(key, channel);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** Releases the lock and deletes the lock file. */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(directory.resolve(NAME));
        } catch (IOException ignored) {
            // A lock file left behind locks nothing: no process holds it.
        } finally {
            HELD.remove(directory);
        }
    }
}
