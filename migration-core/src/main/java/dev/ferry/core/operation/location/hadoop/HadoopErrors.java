package dev.ferry.core.operation.location.hadoop;

import dev.ferry.core.FerryErrors;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.ClusterStorageCapacityExceededException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;

/**
 * A Hadoop file system's exception in words a user reads: what was being done, on which URI, what kind of failure
 * (the bucket does not exist, permission denied, cannot connect), then the first line of the file system's own
 * message, without its classes' package names. The exception stays the cause.
 */
final class HadoopErrors {
    /** {@code software.amazon.awssdk.services.s3.model.S3Exception} and the like, which say nothing but the name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*(?:Exception|Error))");

    private static final String PERMISSION_DENIED = "permission denied";

    private HadoopErrors() {
    }

    /** {@code doing uri: explanation}, SQLState 42501 where permission was denied, else 58030. */
    static SQLException of(String doing, URI uri, IOException e) {
        Throwable failure = e instanceof RemoteException remote ? remote.unwrapRemoteException() : e;
        if (PERMISSION_DENIED.equals(kind(failure))) {
            return new SQLException(doing + " " + uri + ": " + explain(e), "42501", e);
        }
        return FerryErrors.io(doing + " " + uri + ": " + explain(e), e);
    }

    /** The kind of failure and the file system's message, on one line. */
    static String explain(IOException e) {
        Throwable failure = e instanceof RemoteException remote ? remote.unwrapRemoteException() : e;
        String message = firstLine(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        String kind = kind(failure);
        return kind == null ? message : kind + " (" + message + ")";
    }

    private static String kind(Throwable failure) {
        if (failure.getClass().getSimpleName().equals("UnknownStoreException")) {
            return "the bucket does not exist";
        }
        if (failure instanceof java.nio.file.AccessDeniedException || failure instanceof AccessControlException) {
            return PERMISSION_DENIED;
        }
        if (failure instanceof ClusterStorageCapacityExceededException) {
            return "out of quota or space";
        }
        if (failure instanceof FileNotFoundException) {
            return "not found";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "cannot connect to the file system's server";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "the file system's server did not answer in time";
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int end = line.indexOf('\n');
        if (end >= 0) {
            line = line.substring(0, end).strip();
        }
        return QUALIFIED.matcher(line).replaceAll("$1");
    }
}
