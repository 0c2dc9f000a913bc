package dev.ferry.core;

import java.sql.SQLException;

/**
 * Ferry's own errors, with SQLStates a pool will not mistake for a broken connection (never class 08).
 */
public final class FerryErrors {
    /** Syntax error in a Ferry statement or script. */
    public static final String SYNTAX = "42601";
    /** A refused operation: the target is not empty, a directory exists, the object is in use. */
    public static final String REFUSED = "42000";
    /** An option or parameter with an invalid name or value. */
    public static final String INVALID_PARAMETER = "22023";
    /** A data file that does not match its manifest, or a value that cannot be read. */
    public static final String DATA = "22000";
    /** A file could not be read or written. */
    public static final String IO = "58030";
    /** A feature of Ferry that is not yet available. */
    public static final String NOT_SUPPORTED = "0A000";

    private FerryErrors() {
    }

    public static SQLException syntax(String message) {
        return new SQLException(message, SYNTAX);
    }

    public static SQLException refused(String message) {
        return new SQLException(message, REFUSED);
    }

    public static SQLException invalidParameter(String message) {
        return new SQLException(message, INVALID_PARAMETER);
    }

    public static SQLException data(String message) {
        return new SQLException(message, DATA);
    }

    public static SQLException data(String message, Throwable cause) {
        return new SQLException(message, DATA, cause);
    }

    public static SQLException io(String message, Throwable cause) {
        return new SQLException(message, IO, cause);
    }

    public static SQLException notSupported(String message) {
        return new SQLException(message, NOT_SUPPORTED);
    }

    /**
     * {@code cause} with {@code context} (what was being done: table, file, line) put before its message; the
     * SQLState and vendor code are kept, the original is the cause. An error that already starts with the context
     * is returned as it is.
     */
    public static SQLException withContext(String context, SQLException cause) {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.startsWith(context)) {
            return cause;
        }
        return new SQLException(context + ": " + message, cause.getSQLState(), cause.getErrorCode(), cause);
    }
}
