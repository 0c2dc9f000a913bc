package dev.ferry.core.dialect;

import dev.ferry.core.schema.Column;
import dev.ferry.core.schema.Identity;
import dev.ferry.core.schema.Index;
import dev.ferry.core.schema.KeyConstraint;
import dev.ferry.core.schema.QualifiedName;
import dev.ferry.core.schema.Table;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What differs between database engines. {@link StandardDialect} holds the standard-SQL answers; an engine's
 * dialect overrides only what differs. Dialects are found through {@link java.util.ServiceLoader} by
 * {@link Dialects#forConnection}.
 */
public interface Dialect {

    /** A short name: {@code h2}, {@code postgresql}, {@code generic}. */
    String name();

    /** Whether this dialect is for the engine behind {@code metaData}. */
    boolean supports(DatabaseMetaData metaData) throws SQLException;

    /** The identifier quoted so that it is read back exactly, whatever characters it holds. */
    String quoteIdentifier(String identifier);

    /** A qualified name, each part quoted. */
    default String quote(QualifiedName name) {
        return name.schema() == null ? quoteIdentifier(name.name())
                : quoteIdentifier(name.schema()) + "." + quoteIdentifier(name.name());
    }

    /** A string as an SQL literal. */
    String quoteLiteral(String value);

    /** Whether {@code schema} belongs to the engine rather than to the user. */
    boolean isSystemSchema(String schema);

    /** The table types (as in {@link DatabaseMetaData#getTables}) that hold user data. */
    Set<String> tableTypes();

    /**
     * How values of a column of this type are read, written as text and bound; by default
     * {@link ValueKind#of}. A dialect overrides it for types its driver reports in its own way.
     */
    default ValueKind valueKind(int jdbcType, String typeName) {
        return ValueKind.of(jdbcType, typeName);
    }

    /** The value kinds of a result's columns, in order. */
    default List<ValueKind> valueKinds(ResultSetMetaData metaData) throws SQLException {
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            kinds.add(valueKind(metaData.getColumnType(i), metaData.getColumnTypeName(i)));
        }
        return kinds;
    }

    /** The column's type as it is written in CREATE TABLE. */
    String columnType(Column column);

    /**
     * The table's columns, in order, as they are created and exported: those {@link DatabaseMetaData#getColumns}
     * reported, refined by a dialect whose engine describes its columns better in its own catalog.
     */
    List<Column> columns(Connection connection, QualifiedName table, List<Column> reported) throws SQLException;

    /**
     * How an export selects a column: the quoted column itself, or an expression (named as the column) for values
     * the driver cannot read exactly as they are. The result's type then decides how the values are carried.
     */
    String selectColumn(String column, int jdbcType, String typeName);

    /** Warnings, in words, for what the database holds that the export does not carry and no other hook reports. */
    List<String> notCarried(Connection connection) throws SQLException;

    /**
     * Settings an export or import needs on the connection's session (such as a fixed time zone), made now and put
     * back when the returned value is closed.
     */
    SessionSettings prepareSession(Connection connection) throws SQLException;

    /** The identity generator of an identity column, or null if the engine does not say. */
    Identity identity(Connection connection, QualifiedName table, String column) throws SQLException;

    /** The table's unique constraints (not unique indexes), each with its columns in order. */
    List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException;

    /** Names of the table's CHECK constraints (which Ferry does not carry yet, and warns about). */
    List<String> checkConstraints(Connection connection, QualifiedName table) throws SQLException;

    /**
     * The table's indexes as they are exported: those {@link DatabaseMetaData#getIndexInfo} reported (less the keys'
     * own), refined by a dialect whose engine tells more in its own catalog (such as prefix lengths).
     */
    List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException;

    /** Names of the indexes the engine made itself to support a key, which must not be exported as indexes. */
    Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException;

    /** User sequences, as qualified names; empty when the engine has none. */
    List<QualifiedName> sequences(Connection connection) throws SQLException;

    /** Whether DDL runs inside a transaction that can be rolled back. */
    boolean transactionalDdl();

    /**
     * A statement that streams {@code sql}'s rows instead of holding them all, on a connection whose autocommit is
     * already off.
     */
    PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException;

    /**
     * {@code INSERT INTO <table> (<columns>) VALUES (?, ...)}, taking explicit values for identity columns too.
     *
     * @param table   the table as SQL
     * @param columns the columns as SQL
     * @param kinds   the columns' kinds, for {@link #parameterMarker}
     */
    String insert(String table, List<String> columns, List<ValueKind> kinds);

    /** The parameter marker for a value of {@code kind}: {@code ?}, or {@code ?} with what the engine needs. */
    String parameterMarker(ValueKind kind);

    /** CREATE SCHEMA for a schema that may already exist in the target. */
    String createSchema(String schema);

    /** The statement that makes an identity column hand out {@code identity.next()} next, or null if none is needed. */
    String restartIdentity(QualifiedName table, String column, Identity identity);

    /** The clause that declares an identity column in CREATE TABLE (after the type). */
    String identityClause(Identity identity);

    /** The statement that drops a table with what depends on it. */
    String dropTable(QualifiedName table);

    /** The statement that drops a schema with what it holds. */
    String dropSchema(String schema);

    /** The statement that drops a sequence. */
    String dropSequence(QualifiedName sequence);

    /** Session settings made by {@link #prepareSession}, put back by {@link #close}. */
    interface SessionSettings extends AutoCloseable {
        /** Nothing to set, nothing to put back. */
        SessionSettings NONE = () -> { };

        @Override
        void close() throws SQLException;
    }
}
