package dev.ferry.core.operation.location;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A directory or a file on a Hadoop file system, named by its URI. Paths below it are relative, separated by
 * {@code /}; the empty path is the location itself. Every failure is an {@link SQLException} naming the URI and saying
 * what went wrong in words (a missing bucket, a denied write, an unreachable name node), with the file system's
 * exception as its cause.
 */
public interface RemoteFiles extends AutoCloseable {

    /** What a location holds. */
    enum Kind {
        /** Nothing. */
        ABSENT,
        /** A file. */
        FILE,
        /** A directory with nothing in it. */
        EMPTY_DIRECTORY,
        /** A directory with something in it. */
        DIRECTORY
    }

    /** The location. */
    URI uri();

    /** What the location holds. */
    Kind kind() throws SQLException;

    /** Whether {@code relative} exists below the location. */
    boolean exists(String relative) throws SQLException;

    /** The relative paths of every file below the location, in any order. */
    List<String> files() throws SQLException;

    /** Writes the local file {@code local} to {@code relative}, replacing a file there, creating directories. */
    void put(Path local, String relative) throws SQLException;

    /** Reads {@code relative} into the local file {@code local}, which it replaces. */
    void get(String relative, Path local) throws SQLException;

    /** Deletes the file {@code relative}, or the directory and everything below it. */
    void delete(String relative) throws SQLException;

    /**
     * Renames the file {@code from} below the location to {@code to}, creating the directories {@code to} needs.
     *
     * @throws SQLException where the file system refuses, {@code to} existing already among the reasons
     */
    void rename(String from, String to) throws SQLException;

    /** Renames the file {@code siblingName}, beside the location in its parent directory, to the location itself. */
    void renameBeside(String siblingName) throws SQLException;

    /** Writes {@code local} to {@code siblingName}, a file beside the location in its parent directory. */
    void putBeside(Path local, String siblingName) throws SQLException;

    /** Deletes {@code siblingName} beside the location, if it is there; failures are ignored. */
    void deleteBesideQuietly(String siblingName);

    /** Creates the location as a directory, and its parents; nothing happens where it is one already. */
    void makeDirectory() throws SQLException;

    /** Deletes the location and everything below it; failures are ignored (a clean-up after a failure). */
    void deleteAllQuietly();

    /** Releases the file system's connections and threads. */
    @Override
    void close();
}
