package dev.ferry.core.operation;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens more connections to the database a connection is open on, as that one was opened (same URL, properties and
 * driver), for an operation that reads on several connections at once. Whoever calls {@link #open} closes what it
 * returns.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** Opens none: where it is given, the operation runs on the one connection it has. */
    ConnectionSource NONE = () -> {
        throw new SQLException("No further connections can be opened to this database", "HY000");
    };

    /** A new connection, with the driver's default settings; the caller closes it. */
    Connection open() throws SQLException;
}
