package dev.ferry.core.operation.location.hadoop;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.location.RemoteFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * {@link RemoteFiles} through Hadoop's {@code FileSystem}: a file system instance of its own (not Hadoop's shared
 * cache, whose instances keep the settings of whoever opened them first), configured from {@code core-site.xml} on the
 * class path and then the given settings, and closed with this object.
 */
public final class HadoopFiles implements RemoteFiles {
    private final URI uri;
    private final FileSystem fileSystem;
    private final Path root;

    private HadoopFiles(URI uri, FileSystem fileSystem, Path root) {
        this.uri = uri;
        this.fileSystem = fileSystem;
        this.root = root;
    }

    /**
     * Opens {@code uri}'s file system; called by {@link HadoopFileSystems#open} once it knows Hadoop is there.
     *
     * @throws SQLException 0A000 where no Hadoop file system serves the scheme; 58030 where it cannot be opened
     */
    public static RemoteFiles open(URI uri, Map<String, String> settings, String what) throws SQLException {
        Configuration configuration = new Configuration();
        settings.forEach(configuration::set);
        String scheme = uri.getScheme();
        try {
            FileSystem.getFileSystemClass(scheme, configuration);
        } catch (IOException | RuntimeException e) { // RuntimeException: fs.<scheme>.impl names a missing class
            throw unserved(uri, scheme, what, e);
        }
        try {
            FileSystem fileSystem = FileSystem.newInstance(uri, configuration);
            return new HadoopFiles(uri, fileSystem, fileSystem.makeQualified(new Path(uri)));
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot open the " + what, uri, e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof IOException cause) { // HDFS: java.net.UnknownHostException: nn
                throw HadoopErrors.of("Cannot open the " + what, uri, cause);
            }
            throw FerryErrors.invalidParameter("Invalid " + what + " '" + uri + "': " + e.getMessage());
        }
    }

    private static SQLException unserved(URI uri, String scheme, String what, Exception e) {
        boolean s3a = scheme.toLowerCase(Locale.ROOT).equals("s3a");
        SQLException error = FerryErrors.notSupported("The " + what + " '" + uri + "' is on the " + scheme
                + " file system, which no Hadoop FileSystem on the class path serves (" + e.getMessage() + ")"
                + (s3a ? ": add " + HadoopFileSystems.S3A_JARS : ""));
        error.initCause(e);
        return error;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Kind kind() throws SQLException {
        try {
            FileStatus status = fileSystem.getFileStatus(root);
            if (!status.isDirectory()) {
                return Kind.FILE;
            }
            RemoteIterator<FileStatus> entries = fileSystem.listStatusIterator(root);
            return entries.hasNext() ? Kind.DIRECTORY : Kind.EMPTY_DIRECTORY;
        } catch (FileNotFoundException e) {
            return Kind.ABSENT;
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot read", uri, e);
        }
    }

    @Override
    public boolean exists(String relative) throws SQLException {
        try {
            return fileSystem.exists(child(relative));
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot read", child(relative).toUri(), e);
        }
    }

    @Override
    public List<String> files() throws SQLException {
        String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
        List<String> files = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(root, true);
            while (listing.hasNext()) {
                String path = listing.next().getPath().toUri().getPath();
                if (!path.startsWith(prefix)) {
                    throw FerryErrors.io("Listing " + uri + " gave " + path + ", which is not below it", null);
                }
                files.add(path.substring(prefix.length()));
            }
            return files;
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot list", uri, e);
        }
    }

    @Override
    public void put(java.nio.file.Path local, String relative) throws SQLException {
        write(local, child(relative));
    }

    @Override
    public void putBeside(java.nio.file.Path local, String siblingName) throws SQLException {
        write(local, sibling(siblingName));
    }

    private void write(java.nio.file.Path local, Path target) throws SQLException {
        try (InputStream in = Files.newInputStream(local); OutputStream out = fileSystem.create(target, true)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot write", target.toUri(), e);
        }
    }

    @Override
    public void get(String relative, java.nio.file.Path local) throws SQLException {
        Path source = child(relative);
        try (InputStream in = fileSystem.open(source)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot read", source.toUri(), e);
        }
    }

    @Override
    public void delete(String relative) throws SQLException {
        try {
            fileSystem.delete(child(relative), true);
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot delete", child(relative).toUri(), e);
        }
    }

    @Override
    public void rename(String from, String to) throws SQLException {
        Path source = child(from);
        Path target = child(to);
        try {
            fileSystem.mkdirs(target.getParent());
            if (!fileSystem.rename(source, target)) {
                throw FerryErrors.refused("Cannot rename " + source.toUri() + " to " + target.toUri() + ": the file"
                        + " system refused (does " + target.toUri() + " exist?)");
            }
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot rename " + source.toUri() + " to", target.toUri(), e);
        }
    }

    @Override
    public void renameBeside(String siblingName) throws SQLException {
        Path from = sibling(siblingName);
        try {
            if (!fileSystem.rename(from, root)) {
                throw FerryErrors.refused("Cannot rename " + from.toUri() + " to " + uri + ": the file system refused"
                        + " (does " + uri + " exist now?)");
            }
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot rename " + from.toUri() + " to", uri, e);
        }
    }

    @Override
    public void deleteBesideQuietly(String siblingName) {
        try {
            fileSystem.delete(sibling(siblingName), false);
        } catch (IOException | RuntimeException ignored) {
            // A clean-up after a failure, which is the error the user sees.
        }
    }

    @Override
    public void makeDirectory() throws SQLException {
        try {
            fileSystem.mkdirs(root);
        } catch (IOException e) {
            throw HadoopErrors.of("Cannot create the directory", uri, e);
        }
    }

    @Override
    public void deleteAllQuietly() {
        try {
            fileSystem.delete(root, true);
        } catch (IOException | RuntimeException ignored) {
            // A clean-up after a failure, which is the error the user sees.
        }
    }

    @Override
    public void close() {
        try {
            fileSystem.close();
        } catch (IOException ignored) {
            // Nothing is left to write: every stream was closed, and checked, when its file was done.
        }
    }

    private Path child(String relative) {
        return relative.isEmpty() ? root : new Path(root, relative);
    }

    private Path sibling(String name) {
        return new Path(root.getParent(), name);
    }
}
