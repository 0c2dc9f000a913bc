package dev.ferry.core.dialect;

import dev.ferry.core.model.schema.QualifiedName;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an engine stores a table's rows, as numbered pages that a query can read a range of cheaply (PostgreSQL's
 * CTID and its TID range scan): how EXPORT DATABASE splits a large table that has no integer key into chunks. Made by
 * {@link Dialect#rowPositions}.
 */
public interface RowPositions {

    /** The expression giving a row's position, as a query's condition compares it ({@code ctid}). */
    String column();

    /** The position of the first row of page {@code page}, as an SQL literal comparable with {@link #column()}. */
    String pageStart(BigInteger page);

    /**
     * Keeps {@code table}'s rows where they are until {@code connection}'s transaction ends (PostgreSQL: an ACCESS
     * SHARE lock, which VACUUM FULL, CLUSTER and other rewrites wait for), then gives the pages it holds now.
     */
    long holdPages(Connection connection, QualifiedName table) throws SQLException;
}
