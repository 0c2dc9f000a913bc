package dev.ferry.core.operation.location.hadoop;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.location.RemoteFiles;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Opens {@link RemoteFiles} on a Hadoop file system, through Hadoop's {@code FileSystem} API where its classes are on
 * the class path. Ferry carries no Hadoop: without it, the error says which jars to add. This class names no Hadoop
 * class; {@link HadoopFiles}, which does, is loaded by name only after Hadoop was found.
 */
public final class HadoopFileSystems {
    /** The jars Hadoop's client needs, for messages. */
    public static final String CLIENT_JARS = "hadoop-client-api and hadoop-client-runtime (3.4.2, with their"
            + " dependencies slf4j-api and commons-logging)";
    /** What S3A needs besides, for messages. */
    public static final String S3A_JARS = "hadoop-aws (3.4.2) with commons-lang3, and the AWS SDK v2's S3 jars"
            + " (s3 and s3-transfer-manager 2.29.52 with their dependencies, or its bundle)";

    private static final String FILE_SYSTEM = "org.apache.hadoop.fs.FileSystem";
    /** The one class that names Hadoop's, loaded only once Hadoop is known to be there. */
    private static final String IMPLEMENTATION = HadoopFileSystems.class.getPackageName() + ".HadoopFiles";

    private HadoopFileSystems() {
    }

    /**
     * The directory or file {@code uri} on the Hadoop file system serving its scheme.
     *
     * @param settings Hadoop configuration keys and values set over {@code core-site.xml}'s ({@code fs.s3a.endpoint})
     * @param what     what the location is, for messages: {@code "directory for EXPORT DATABASE"}
     * @throws SQLException 0A000 where Hadoop is not on the class path or no file system serves the scheme (the message
     *                      names the scheme and the jars to add); 58030 where the file system cannot be reached
     */
    public static RemoteFiles open(URI uri, Map<String, String> settings, String what) throws SQLException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!hadoopPresent()) {
            throw FerryErrors.notSupported("The " + what + " '" + uri + "' is on the " + scheme + " file system, which"
                    + " Ferry reaches through Hadoop's FileSystem API, and Hadoop is not on the class path: add "
                    + CLIENT_JARS + (scheme.equals("s3a") ? ", and for s3a:// " + S3A_JARS : "")
                    + "; or give a local path");
        }
        try {
            return (RemoteFiles) Class.forName(IMPLEMENTATION).getMethod("open", URI.class, Map.class, String.class)
                    .invoke(null, uri, settings, what);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof LinkageError missing) {
                throw incomplete(uri, scheme, what, missing);
            }
            throw new SQLException("Cannot open " + uri + ": " + e.getCause(), FerryErrors.IO, e.getCause());
        } catch (LinkageError missing) {
            throw incomplete(uri, scheme, what, missing);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(IMPLEMENTATION + " is missing from Ferry's classes", e);
        }
    }

    /** Whether Hadoop's FileSystem API is on the class path. */
    public static boolean hadoopPresent() {
        try {
            Class.forName(FILE_SYSTEM, false, HadoopFileSystems.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static SQLException incomplete(URI uri, String scheme, String what, LinkageError missing) {
        SQLException error = FerryErrors.notSupported("The " + what + " '" + uri + "' needs classes that are not on the"
                + " class path (" + missing.getMessage() + "): add " + CLIENT_JARS
                + (scheme.equals("s3a") ? ", and for s3a:// " + S3A_JARS : ""));
        error.initCause(missing);
        return error;
    }
}
