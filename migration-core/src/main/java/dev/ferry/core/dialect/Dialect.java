package dev.ferry.core.dialect;

import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.Dependencies;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What differs between database engines. {@link StandardDialect} holds the standard-SQL answers; an engine's
 * dialect overrides only what differs. Dialects are found through {@link java.util.ServiceLoader} by
 * {@link Dialects#forConnection}.
 */
public interface Dialect {

    /** What the engine has and how its SQL is written: the facts that are the same for every connection. */
    Capabilities capabilities();

    /** A short name: {@code h2}, {@code postgresql}, {@code generic}. */
    String name();

    /**
     * The dialect whose SQL this one writes its scripts in: its own, except where it reads an old version of an engine
     * and writes for the current one (H2 1.4's, which writes H2 2.x SQL).
     */
    default String scriptDialect() {
        return name();
    }

    /** Whether this dialect is for the engine behind {@code metaData}. */
    boolean supports(DatabaseMetaData metaData) throws SQLException;

    /** The identifier quoted so that it is read back exactly, whatever characters it holds. */
    String quoteIdentifier(String identifier);

    /** A qualified name, each part quoted. */
    String quote(QualifiedName name);

    /** A string as an SQL literal. */
    String quoteLiteral(String value);

    /**
     * The expression that takes the next value of {@code sequence}, as a column default uses it; null where a column's
     * default cannot take one (HSQLDB's), so that a sequence serving one column alone becomes that column's identity.
     */
    default String nextValue(QualifiedName sequence) {
        return "NEXT VALUE FOR " + quote(sequence);
    }

    /** The clause after a column's type that makes it computed by {@code expression}, stored where the engine can. */
    default String generatedClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ")";
    }

    /** Whether {@code schema} belongs to the engine rather than to the user. */
    boolean isSystemSchema(String schema);

    /** The user's schemas (MariaDB: databases) that exist now, the engine's own left out, in name order. */
    List<String> userSchemas(Connection connection) throws SQLException;

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

    /**
     * Binds a non-null value of {@code kind} for an INSERT; by default as the kind binds it. A dialect overrides it
     * where its driver needs values handed over differently.
     */
    default void bind(PreparedStatement statement, int parameter, ValueKind kind, Object value) throws SQLException {
        kind.bind(statement, parameter, value);
    }

    /**
     * Whether values of the column can be exported and imported again; an export refuses a database with a column
     * that cannot (before writing anything), rather than write what would not load.
     */
    default boolean canCarry(Column column) {
        return column.jdbcType() != Types.STRUCT || valueKind(column.jdbcType(), column.typeName()) == ValueKind.ENGINE_TEXT;
    }

    /**
     * The engine's own bulk path for loading a table on this connection, or empty for batched INSERTs (the default);
     * a dialect offers one only where a benchmark shows it faster.
     */
    default Optional<TableLoader> tableLoader(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * The engine's own bulk path for writing a table's rows as a CSV data file on this connection, or empty for
     * reading them row by row (the default); see {@link TableDumper}.
     */
    default Optional<TableDumper> tableDumper(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /** Binds SQL NULL for a column of {@code jdbcType}. */
    default void bindNull(PreparedStatement statement, int parameter, int jdbcType) throws SQLException {
        statement.setNull(parameter, jdbcType);
    }

    /**
     * The table's complete CREATE TABLE statement as the engine keeps it, which the scripts then use as it is (its
     * foreign keys included, see {@link Capabilities#foreignKeysInCreateTable}); null, the default, to build the statement from
     * the table's parts.
     */
    default String tableDefinition(Connection connection, QualifiedName table) throws SQLException {
        return null;
    }

    /**
     * The tables {@code table} inherits from, its partition key and its partition bounds (PostgreSQL); by default
     * {@link Inheritance#NONE}.
     */
    default Inheritance inheritance(Connection connection, QualifiedName table) throws SQLException {
        return Inheritance.NONE;
    }

    /**
     * The tables that inherit from {@code table} or are its partitions (PostgreSQL), whose rows an export reads from
     * each of them rather than from {@code table}; none by default.
     */
    default List<QualifiedName> inheritingTables(Connection connection, QualifiedName table) throws SQLException {
        return List.of();
    }

    /**
     * What an export's SELECT reads {@code table}'s rows from: the quoted name, or (PostgreSQL) {@code ONLY} and the
     * name, so a parent's rows do not include those of the tables that inherit from it, which are exported each on
     * its own.
     */
    default String rowsOf(QualifiedName table) {
        return quote(table);
    }

    /** The column's type as it is written in CREATE TABLE. */
    String columnType(Column column);

    /**
     * The column's type in engine-neutral terms, for an import into another engine; by default as its JDBC type code,
     * name, size and scale describe it. A dialect overrides it where its engine's own names say more (unsigned
     * integers, MariaDB's {@code TINYINT(1)} booleans, PostgreSQL's arrays).
     */
    default PortableType portableType(Column column) {
        return StandardTypes.portable(column);
    }

    /**
     * How this engine declares a column of a type another engine described, and what its values lose there; by
     * default in standard SQL.
     */
    default TargetType typeFor(PortableType type) {
        return StandardTypes.declare(type);
    }

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

    /**
     * The clause that makes {@code column} of {@code table} a generated column in DDL, after its type.
     *
     * @param reportedExpression the expression as the driver reports it (COLUMN_DEF), or null where it does not
     */
    String generatedColumn(Connection connection, QualifiedName table, String column, String reportedExpression)
            throws SQLException;

    /**
     * Warnings, in words, for what the schemas in {@code scope} hold that the export does not carry and no other hook
     * reports.
     */
    List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException;

    /**
     * Settings an export or import needs on the connection's session (such as a fixed time zone), made now and put
     * back when the returned value is closed.
     */
    SessionSettings prepareSession(Connection connection) throws SQLException;

    /**
     * Takes the lock that keeps a second IMPORT DATABASE out of this connection's database while one runs, released
     * when the returned value is closed, or by the server when the session ends (a killed import's too); empty where
     * another session holds it. By default none is taken: an embedded database's file is open in one process.
     */
    default Optional<SessionSettings> lockImports(Connection connection) throws SQLException {
        return Optional.of(SessionSettings.NONE);
    }

    /**
     * What IMPORT DATABASE adds to a session {@link #prepareSession} prepared, on each connection it loads on (MariaDB:
     * foreign key checks off, so that post-data adds each key in place; {@link #checkForeignKeys} checks the rows
     * after), put back when the returned value is closed. Nothing else runs with it.
     */
    default SessionSettings prepareImport(Connection connection) throws SQLException {
        return SessionSettings.NONE;
    }

    /**
     * The isolation level of an export's read-only transaction: the first of REPEATABLE READ and SERIALIZABLE that
     * the driver supports, else {@link Connection#TRANSACTION_NONE} (autocommit off alone).
     */
    default int snapshotIsolation(DatabaseMetaData metaData) throws SQLException {
        for (int level : new int[] {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
            if (metaData.supportsTransactionIsolationLevel(level)) {
                return level;
            }
        }
        return Connection.TRANSACTION_NONE;
    }

    /**
     * Lets other connections read in the snapshot of the export's read transaction on {@code leader}, so that an export
     * can read its tables on several connections at once (EXPORT DATABASE's JOBS). Called on the leader once its read
     * transaction is open at {@link #snapshotIsolation}, before any table's rows are read.
     *
     * @return the share; empty where the engine cannot share one snapshot between connections (the default)
     * @throws SnapshotShareRefused where it could but the server refused, for want of a privilege; nothing is held then
     */
    default Optional<SharedSnapshot> shareSnapshot(Connection leader) throws SQLException {
        return Optional.empty();
    }

    /**
     * The rows the engine's statistics say {@code table} holds, read without scanning it: EXPORT DATABASE's
     * {@code CHUNK_ROWS} decides from it how many chunks a table is split into (else it counts the rows).
     *
     * @return the estimate; empty where the engine keeps none (the default) or has none yet for the table
     */
    default OptionalLong estimatedRows(Connection connection, QualifiedName table) throws SQLException {
        return OptionalLong.empty();
    }

    /**
     * How EXPORT DATABASE may split a large table without an integer key into chunks by where its rows are stored, on
     * {@code connection}'s server.
     *
     * @return empty where the engine cannot read a range of positions cheaply (the default)
     */
    default Optional<RowPositions> rowPositions(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /** The identity generator of an identity column, or null if the engine does not say. */
    Identity identity(Connection connection, QualifiedName table, String column) throws SQLException;

    /** The table's unique constraints (not unique indexes), each with its columns in order. */
    List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException;

    /** The table's CHECK constraints (NOT NULL excepted, which the columns carry). */
    List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException;

    /**
     * The statement that puts {@code comment} on its table or column; an empty string where the table's or column's
     * own definition already carries it (MariaDB's column COMMENT); null where the dialect cannot carry it.
     */
    String comment(Comment comment);

    /**
     * The options of a load script's {@code COPY ... FROM}: the reader options of the data files, and what the
     * engine's own COPY needs besides to read them as Ferry wrote them.
     */
    default Map<String, String> copyFromOptions(Map<String, String> readerOptions) {
        return readerOptions;
    }

    /**
     * CREATE statements for the user's functions and procedures, run before the tables whose defaults and checks
     * may call them; empty where the dialect carries none.
     */
    default List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        return List.of();
    }

    /**
     * What the routines of {@link #routines} and the tables need created before them, where the catalog records it
     * (PostgreSQL's pg_depend), so that a routine that returns a table's rows comes after the table; {@link
     * Dependencies#NONE} (routines before tables) by default.
     */
    default Dependencies dependencies(Connection connection, SchemaScope scope) throws SQLException {
        return Dependencies.NONE;
    }

    /**
     * CREATE statements for the user's triggers (and rules, where the engine has them), run after the data so that
     * none fires for a loaded row.
     */
    default List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        return List.of();
    }

    /**
     * DROP statements for the user's functions and procedures as they exist now. A failed import that committed as it
     * went (DDL not transactional, or JOBS above 1) runs those for the routines it created; empty where the dialect
     * carries none.
     */
    default List<String> dropRoutines(Connection connection, SchemaScope scope) throws SQLException {
        return List.of();
    }

    /**
     * Checks that the rows of the scope's tables satisfy their foreign keys, where the import's session added them
     * without checking (MariaDB, whose check would copy each table); nothing where the engine checks as it adds them.
     *
     * @throws SQLException (23000) naming the key, its table and a row that refers to nothing
     */
    default void checkForeignKeys(Connection connection, SchemaScope scope) throws SQLException {
    }

    /**
     * Whether {@code e} is how the engine refuses to create an object (table, view, index, key, constraint, sequence,
     * routine, trigger, schema) that exists: a resumed import takes a post-data statement the stopped one had begun as
     * run where it fails so. By default the standard's SQLSTATEs 42S01 and 42S11.
     */
    default boolean alreadyExists(SQLException e) {
        return Set.of("42S01", "42S11").contains(e.getSQLState());
    }

    /**
     * DROP statements for what {@link #userTypes} creates, as it exists now, run by a failed import that committed
     * as it went for those it created; empty where the dialect creates none.
     */
    default List<String> dropTypes(Connection connection, SchemaScope scope) throws SQLException {
        return List.of();
    }

    /** The user's views in {@code scope}, each with the views it reads. */
    List<View> views(Connection connection, SchemaScope scope) throws SQLException;

    /** CREATE VIEW (or CREATE MATERIALIZED VIEW) for {@code view}. */
    String createView(View view);

    /**
     * CREATE statements for the user's own types that tables may use (PostgreSQL's enums and domains), in an order
     * that creates each before its users; empty where the engine has none.
     */
    default List<String> userTypes(Connection connection, SchemaScope scope) throws SQLException {
        return List.of();
    }

    /**
     * The table's indexes as they are exported: those {@link DatabaseMetaData#getIndexInfo} reported (less the keys'
     * own), refined by a dialect whose engine tells more in its own catalog (prefix lengths; expression and partial
     * indexes).
     */
    List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException;

    /**
     * The table's foreign keys as they are exported: those {@link DatabaseMetaData#getImportedKeys} reported (none where
     * the driver does not implement it, as DuckDB's), refined by a dialect whose engine tells them in its own catalog.
     */
    default List<ForeignKey> foreignKeys(Connection connection, QualifiedName table, List<ForeignKey> reported)
            throws SQLException {
        return reported;
    }

    /** Names of the indexes the engine made itself to support a key, which must not be exported as indexes. */
    Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException;

    /**
     * User sequences with their positions, those that only serve identity columns left out; empty when the
     * engine has none.
     */
    List<Sequence> sequences(Connection connection, SchemaScope scope) throws SQLException;

    /** CREATE SEQUENCE for {@code sequence}, starting where it started. */
    String createSequence(Sequence sequence);

    /** The statement that makes {@code sequence} hand out its next value next, or null if none is needed. */
    String restartSequence(Sequence sequence);

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

    /**
     * What CREATE SCHEMA says of {@code schema} besides its name, read from the source (MariaDB: its default character
     * set and collation), or null where nothing is carried.
     */
    default String schemaOptions(Connection connection, String schema) throws SQLException {
        return null;
    }

    /** The comment on {@code schema}, or null where it has none or the dialect does not read one (the default). */
    default String schemaComment(Connection connection, String schema) throws SQLException {
        return null;
    }

    /** The statement that puts {@code text} on {@code schema} as its comment; null (the default) where there is none. */
    default String commentOnSchema(String schema, String text) {
        return null;
    }

    /** CREATE SCHEMA for a schema that may already exist in the target, with what {@link #schemaOptions} read. */
    default String createSchema(String schema, String options) {
        return createSchema(schema);
    }

    /** The statement that makes an identity column hand out {@code identity.next()} next, or null if none is needed. */
    String restartIdentity(QualifiedName table, String column, Identity identity);

    /**
     * What makes the identity column {@code column} of {@code table} hand out its next value next, after the data; by
     * default {@link #restartIdentity(QualifiedName, String, Identity)}. A dialect whose engine needs the column's
     * type there too (HSQLDB, to make an identity GENERATED ALWAYS again) overrides it; several statements are
     * separated by semicolons.
     */
    default String restartIdentity(QualifiedName table, Column column) {
        return restartIdentity(table, column.name(), column.identity());
    }

    /** The clause that declares an identity column in CREATE TABLE (after the type). */
    String identityClause(Identity identity);

    /**
     * The expression a column of this engine is set to whenever its row is updated (MariaDB's {@code ON UPDATE
     * current_timestamp()}, kept beside the column's type), or null where it has none (the default). Another engine
     * that has no such clause gets the column with its type and default, and a warning.
     */
    default String columnOnUpdate(Column column) {
        return null;
    }

    /**
     * The statements that set {@code column} of {@code table} to {@code moment} (SQL of this engine) whenever an
     * UPDATE changes its row and leaves the column as it was, as another engine's ON UPDATE clause does
     * ({@link #columnOnUpdate}), where this engine has no such clause but triggers: the routine, created with the
     * schema, and the trigger, created after the data; null where it has neither (the default).
     */
    default OnUpdateTrigger onUpdateTrigger(QualifiedName table, String column, String moment) {
        return null;
    }

    /**
     * Why an identity column of another engine, of {@code type}, cannot be one here, in words; null where it can (the
     * default). Its values are carried either way; where it cannot, new rows get none, which a warning says.
     *
     * @param onlyKeyColumn whether the column alone is its table's primary key
     */
    default String identityLimit(PortableType type, boolean onlyKeyColumn) {
        return null;
    }

    /** How an identity column of another engine, of {@code type}, is declared here; by default as any column of it. */
    default TargetType identityType(PortableType type, Identity identity) {
        return typeFor(type);
    }

    /**
     * How a CHECK constraint compares a column of an exact decimal type, {@code column} as SQL: by default the column
     * itself; an expression where the engine keeps such values in a form that compares otherwise.
     */
    default String decimalOperand(String column) {
        return column;
    }

    /**
     * Whether {@code name} is one the engine gave a constraint itself, which the scripts written for it leave out so
     * that the target names the constraint anew (HSQLDB's {@code SYS_PK_10094}, which could be the name the target
     * gives another constraint); by default none is.
     */
    default boolean isGeneratedConstraintName(String name) {
        return false;
    }

    /** The statement that drops a table with what depends on it. */
    String dropTable(QualifiedName table);

    /** The statement that drops {@code relation}, a table or a view, with what depends on it. */
    default String dropRelation(Relation relation) {
        return relation.isView() ? "DROP VIEW IF EXISTS " + quote(relation.name()) : dropTable(relation.name());
    }

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
