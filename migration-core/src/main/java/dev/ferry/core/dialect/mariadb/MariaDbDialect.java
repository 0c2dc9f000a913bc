package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.dialect.SharedSnapshot;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * MariaDB 10.3 and later, through MariaDB Connector/J.
 *
 * <p>MariaDB's "schema" is a database, and Connector/J reports databases as catalogs with a null schema. By default an
 * export takes the connection's current database only ({@link java.sql.Connection#getCatalog()}), and its objects are
 * named without a database ({@link QualifiedName} with a null schema), so the scripts load into whatever database the
 * importing connection uses. A {@link SchemaScope} of named databases (EXPORT DATABASE's SCHEMAS) takes those
 * databases, and names every object with its database ({@code `app`.`orders`}), so that the scripts create and fill
 * the same databases from whichever database the importing connection uses. Catalog queries ask for
 * {@code COALESCE(?, DATABASE())}: the database of a qualified name, else the current one.
 *
 * <p>What the standard answers already get right here: system schemas ({@code information_schema}, {@code mysql},
 * {@code performance_schema}, {@code sys}), the {@code TABLE} relation type, DDL that is not transactional (each
 * statement commits) and plain {@code INSERT ... VALUES (?, ...)}, which takes explicit AUTO_INCREMENT values.
 */
public class MariaDbDialect extends StandardDialect {
    private final MariaDbDdl ddl = new MariaDbDdl(this);

    public MariaDbDialect() {
        super(Capabilities.builder()
                .identifierCase(IdentifierCase.PRESERVED)
                // A MariaDB schema is a database, which Connector/J reports as a catalog.
                .schemasAreCatalogs(true)
                .concurrentLoads(true)
                .implicitForeignKeyAction("RESTRICT")
                // Sequences are listed by sequences; the driver would list them among the relations as type SEQUENCE,
                // to be warned about as neither table nor view.
                .relationTypes(List.of("TABLE", "VIEW"))
                // An INT column cannot refer to a BIGINT one ("incompatible" in MariaDB, errno 150; DuckDB likewise).
                .foreignKeyTypesMustMatch(true)
                // InnoDB keys at most 3,072 bytes, 768 characters of utf8mb4; a TEXT column cannot be a primary key or
                // the end of a foreign key (a prefix length would make the key compare prefixes only).
                .keyTextLength(768)
                // MariaDB's string literals and the text it writes (view definitions, CHECK clauses, defaults) escape
                // with backslashes ('it\'s'), and # starts a comment: the scripts are split by those rules.
                .mysqlSyntax(true)
                // InnoDB refuses SET NULL on a NOT NULL column (errno 150) and drops SET DEFAULT without a word.
                .setNullOnNotNullKey(false)
                .setDefaultAction(false)
                // Each table has its own index names: Sakila's film_actor and inventory both have idx_fk_film_id.
                .indexNamesPerTable(true)
                .build());
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String generatedClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ") STORED";
    }

    @Override
    public PortableType portableType(Column column) {
        return MariaDbTypes.portable(column);
    }

    /** The {@code ON UPDATE ...} that {@link #columns} keeps after the column's type. */
    @Override
    public String columnOnUpdate(Column column) {
        return MariaDbTypes.onUpdate(column.typeName());
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return MariaDbTypes.declare(type);
    }

    /**
     * MariaDB Connector/J names the product MariaDB. (MySQL Connector/J calls a MariaDB server MySQL, and needs
     * another fetch size to stream and names types otherwise: it is not taken for this dialect until it is tested.)
     */
    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "MariaDB".equalsIgnoreCase(metaData.getDatabaseProductName());
    }

    /** The databases of the server, its own (information_schema, mysql, performance_schema, sys) left out. */
    @Override
    public List<String> userSchemas(Connection connection) throws SQLException {
        return new MariaDbCatalog(connection, this).userSchemas();
    }

    /** A database's default character set and collation, which its tables take unless they say otherwise. */
    @Override
    public String schemaOptions(Connection connection, String schema) throws SQLException {
        return new MariaDbCatalog(connection, this).schemaOptions(schema);
    }

    /** CREATE DATABASE, as mariadb-dump --databases writes it (MariaDB's CREATE SCHEMA is the same statement). */
    @Override
    public String createSchema(String schema) {
        return createSchema(schema, null);
    }

    /** CREATE DATABASE with the source's default character set and collation, as mariadb-dump --databases does. */
    @Override
    public String createSchema(String schema, String options) {
        return ddl.createSchema(schema, options);
    }

    /** MariaDB quotes identifiers with backticks (double quotes are string literals unless ANSI_QUOTES is set). */
    @Override
    public String quoteIdentifier(String identifier) {
        return MariaDbSqlText.identifier(identifier);
    }

    /**
     * Connector/J's types say too little or too much here. BOOLEAN is TINYINT(1), which holds -128..127; BIT(1) is a
     * boolean but BIT(n) a bit string; BIGINT UNSIGNED goes up to 2^64-1, beyond a long; YEAR is reported as a DATE.
     * FLOAT is selected as DOUBLE (see {@link #selectColumn}) and carried as the double that holds it exactly.
     * Temporal values are carried as the server's text: TIME is an interval of ±838 hours, not a time of day, and
     * dates may be zero ({@code 0000-00-00}), partly zero or invalid where the SQL mode allows, which
     * {@code java.time} cannot hold (Connector/J returns null for zero dates and wraps TIME at 24 hours, silently).
     */
    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        switch (MariaDbTypes.baseType(name)) {
            case "BOOLEAN", "TINYINT", "YEAR":
                return ValueKind.INTEGER;
            case "BIGINT":
                return name.contains("UNSIGNED") ? ValueKind.DECIMAL : ValueKind.BIGINT;
            case "BIT":
                return jdbcType == Types.BOOLEAN || name.equals("BIT(1)") ? ValueKind.BOOLEAN : ValueKind.BINARY;
            case "FLOAT":
                return ValueKind.DOUBLE;
            case "DATE", "DATETIME", "TIMESTAMP", "TIME", "INET4", "INET6":
                return ValueKind.STRING;
            default:
                return super.valueKind(jdbcType, typeName);
        }
    }

    /**
     * Connector/J reads rows as the server's text, where FLOAT has only six significant digits (16777216 arrives as
     * 16777200), and it fails on the text of a DATETIME whose day or month is zero. FLOAT is therefore read as the
     * DOUBLE that holds it exactly, DATETIME and TIMESTAMP as text.
     */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        String quoted = quoteIdentifier(column);
        return switch (MariaDbTypes.baseType(typeName == null ? "" : typeName.toUpperCase(Locale.ROOT))) {
            case "FLOAT" -> "CAST(" + quoted + " AS DOUBLE) AS " + quoted;
            case "DATETIME", "TIMESTAMP" -> "CAST(" + quoted + " AS CHAR) AS " + quoted;
            default -> quoted;
        };
    }

    /**
     * Connector/J streams with any fetch size above 0, and holds that many rows in memory; a MariaDB row may be as
     * large as max_allowed_packet (up to 1 GB), so the standard 1,000 rows of 4 MB already overflow a 64 MB heap. One
     * row at a time keeps memory flat; measured on 1,000,000 narrow rows it reads as fast as 1,000 at a time.
     */
    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = super.streamingQuery(connection, sql);
        statement.setFetchSize(1);
        return statement;
    }

    /**
     * The driver reports neither ENUM and SET labels, nor unsigned DECIMAL, nor fractional seconds, nor a column's
     * character set, nor JSON (a LONGTEXT with a JSON_VALID check). {@code information_schema.COLUMNS} has them all:
     * each column's type becomes its COLUMN_TYPE with character set and collation, {@code json} for JSON, and what
     * MariaDB keeps beside the type ({@code ON UPDATE ...}, {@code INVISIBLE}, {@code COMMENT '...'}); a column-level
     * CHECK becomes the column's {@link Column#check}, so that it is declared with the column again (MariaDB's catalog
     * tells column-level checks, named after their column, from table-level ones). Defaults are MariaDB's own text,
     * but without the current database's name, which MariaDB writes into {@code nextval(`db`.`seq`)}. Generated
     * columns are left out (their values cannot be inserted; {@link #notCarried} names them). Only the driver's JDBC
     * type, size and scale are kept: its table name is a LIKE pattern, so for {@code t_1} it also reports the columns
     * of a table {@code tx1}.
     */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        return MariaDbColumns.of(connection, this, table, reported);
    }

    /**
     * The type as {@link #columns} describes it. A nullable TIMESTAMP says NULL: where explicit_defaults_for_timestamp
     * is off, MariaDB makes a TIMESTAMP column without it NOT NULL DEFAULT CURRENT_TIMESTAMP.
     */
    @Override
    public String columnType(Column column) {
        return MariaDbDdl.columnType(column);
    }

    /** MariaDB keeps the next AUTO_INCREMENT value per table, in information_schema.TABLES. */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        return new MariaDbCatalog(connection, this).identity(table);
    }

    /** An AUTO_INCREMENT column is declared so; it always takes explicit values too. */
    @Override
    public String identityClause(Identity identity) {
        return "AUTO_INCREMENT";
    }

    /** MariaDB sets a table's next AUTO_INCREMENT value as a table option. */
    @Override
    public String restartIdentity(QualifiedName table, String column, Identity identity) {
        return ddl.restartIdentity(table, identity);
    }

    /**
     * MariaDB's unique constraints are its unique indexes, in the current database (the standard query asks for a
     * schema, which MariaDB tables do not have). Those with a descending column or a prefix length are left to the
     * indexes: CREATE TABLE's UNIQUE (columns) can say neither.
     */
    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        return MariaDbConstraints.uniqueKeys(connection, table);
    }

    /**
     * Indexes not to export as plain indexes: the primary key's and the unique constraints' (created with the table),
     * and FULLTEXT and SPATIAL ones, which {@link #indexes} gives by their CREATE statement.
     */
    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        return MariaDbConstraints.keyIndexNames(connection, table, uniqueKeys(connection, table));
    }

    /** The driver does not report prefix lengths ({@code KEY (title(10))}); information_schema.STATISTICS does. */
    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return MariaDbConstraints.indexes(connection, table.name(), reported);
    }

    /**
     * The table-level CHECK constraints, rendered in CREATE TABLE as {@code CONSTRAINT name CHECK (...)}. Column-level
     * ones are declared with the column they are named after ({@link #columns}), so that the copy's catalog has them
     * again with the same name, {@code LEVEL = 'Column'} and clause; the JSON_VALID check of a JSON column comes back
     * with its {@code json} type. A column-level check keeps its name when its column is renamed, and MariaDB names a
     * column-level check after its column, so such a check cannot be declared with a column again: it becomes a
     * table-level check of the same name and clause, which MariaDB enforces in the same way (only its LEVEL, and where
     * SHOW CREATE TABLE writes it, differ).
     */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        return MariaDbConstraints.checkConstraints(connection, table);
    }

    /**
     * MariaDB's sequences (10.3+) are tables of type SEQUENCE; information_schema has no SEQUENCES view, but selecting
     * from a sequence gives its definition and position. The position is {@code next_not_cached_value}, as mariadb-dump
     * takes it: MariaDB reserves CACHE values at a time and records only the end of the reserved block, and nothing
     * reads how many of the block it has handed out. So a sequence without a cache (NOCACHE), or whose cache has not
     * been drawn from since the server started or its tables were flushed, comes back exactly where it was; one that
     * has handed out cached values continues after the block, as the source itself does after a restart or FLUSH
     * TABLES: never repeating a value the source handed out. (The round of a cycled sequence, cycle_count, starts
     * again at 0; {@link #notCarried} says so where it is not 0.)
     */
    @Override
    public List<Sequence> sequences(Connection connection, SchemaScope scope) throws SQLException {
        return new MariaDbCatalog(connection, this).sequences(scope);
    }

    /** MariaDB's CREATE SEQUENCE, with the source's CACHE and NOCYCLE spelled as MariaDB writes it. */
    @Override
    public String createSequence(Sequence sequence) {
        return ddl.createSequence(sequence);
    }

    /**
     * Views of the current database, as SHOW CREATE VIEW writes them: MariaDB leaves out the current database's name
     * there (information_schema.VIEWS qualifies every table and column with it), so the copy reads the tables of the
     * database it is imported into. The DEFINER is dropped (it names an account of the source server, which the
     * target may not have, and naming another account needs the SUPER or SET USER privilege): the importing user
     * becomes the definer. ALGORITHM and SQL SECURITY are kept, WITH CHECK OPTION is part of the query. MariaDB 10.11
     * has no VIEW_TABLE_USAGE, so the views a view reads are found in its text: each other view of the database whose
     * name appears there as a back-quoted identifier not qualified by a database.
     */
    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        return new MariaDbViews(connection, this).of(scope);
    }

    /** CREATE VIEW with the source's ALGORITHM and SQL SECURITY, without a DEFINER. */
    @Override
    public String createView(View view) {
        return MariaDbDdl.createView(view, viewName(view));
    }

    /**
     * A table's comment is a table option ({@code ALTER TABLE t COMMENT = '...'}; MariaDB has no COMMENT ON); a
     * column's is part of the column's definition ({@link #columns}), so nothing more is needed for it.
     */
    @Override
    public String comment(Comment comment) {
        return ddl.comment(comment);
    }

    /**
     * Procedures and functions as SHOW CREATE PROCEDURE / FUNCTION writes them (the name without a database, the
     * parameters, characteristics and body as declared), without the DEFINER (see {@link #views}); their bodies are
     * kept as written, so a body that names the source database by name still does ({@link #notCarried} warns). Each
     * is created under the sql_mode it was created with, as mariadb-dump does it: MariaDB records that mode with the
     * routine and runs the routine under it; the session's own is put back after the last. A body with semicolons of
     * its own is written between DELIMITER lines ({@link dev.ferry.core.sql.SqlScript}). Routines whose definition
     * the exporting user may not read, and Oracle-mode packages, are left to {@link #notCarried}.
     */
    @Override
    public List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        return new MariaDbRoutines(connection, this).createStatements(scope);
    }

    /**
     * Triggers, created after the data so that none fires for a loaded row, each under its own sql_mode as
     * {@link #routines} are. The body is taken from SHOW CREATE TRIGGER's original statement: information_schema's
     * ACTION_STATEMENT rewrites string literals ({@code 'x\\y'} becomes {@code 'x\y'}), which would read back as
     * other text. The statement is built again around that body as {@code CREATE TRIGGER name timing event ON table
     * FOR EACH ROW body}, so without DEFINER and without database names the original may have held; FOLLOWS and
     * PRECEDES are left out: triggers of one table, timing and event are created in their ACTION_ORDER, which MariaDB
     * then gives them again.
     */
    @Override
    public List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        return new MariaDbTriggers(connection, this).createStatements(scope);
    }

    /** DROP PROCEDURE / FUNCTION for each routine of the current database. */
    @Override
    public List<String> dropRoutines(Connection connection, SchemaScope scope) throws SQLException {
        return new MariaDbRoutines(connection, this).dropStatements(scope);
    }

    /** A placeholder: {@link #columns} reads a generated column's expression and storage and writes the clause. */
    @Override
    public String generatedColumn(Connection connection, QualifiedName table, String column, String reportedExpression) {
        return "GENERATED ALWAYS";
    }

    /**
     * What the export leaves out of MariaDB's database, and what it carries with a caveat: events (not carried: they
     * run on their own schedule, which an import should not start), Oracle-mode packages, routines and triggers whose
     * definition the exporting user may not read, bodies that name the source database (kept as written), the round
     * of a cycled sequence, comments on sequences, system versioning, partitioning, engines other
     * than InnoDB, primary keys on prefixes, and characters the catalog cannot show.
     */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return MariaDbWarnings.of(connection, this, scope);
    }

    /**
     * A fixed time zone and SQL mode for the export or import (see {@code MariaDbSession}); the session's own are
     * put back afterwards. A session without a current database is refused: Connector/J would then list the tables of
     * every database, the server's own included, each without its database.
     */
    @Override
    public SessionSettings prepareSession(Connection connection) throws SQLException {
        return MariaDbSession.prepare(connection);
    }

    /**
     * MariaDB's errors for an existing table, view or sequence (1050), index (1061), primary key (1068), routine
     * (1304), trigger (1359), constraint (1826), and, for a foreign key, InnoDB's duplicate name (1005, errno 121).
     */
    @Override
    public boolean alreadyExists(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1050, 1061, 1068, 1304, 1359, 1826 -> true;
            case 1005 -> e.getMessage() != null && e.getMessage().contains("errno: 121");
            default -> false;
        };
    }

    /** A user-level lock named for the current database (GET_LOCK names are at most 64 characters: a digest). */
    private static final String IMPORT_LOCK = "CONCAT('ferry_import_', MD5(IFNULL(DATABASE(), '')))";

    /** MariaDB's user-level lock, which the server releases when the session ends. */
    @Override
    public Optional<SessionSettings> lockImports(Connection connection) throws SQLException {
        return sessionLock(connection, "SELECT GET_LOCK(" + IMPORT_LOCK + ", 0)",
                "SELECT RELEASE_LOCK(" + IMPORT_LOCK + ")");
    }

    /** Foreign key checks off for the import, which adds its keys in place; {@link #checkForeignKeys} checks them. */
    @Override
    public SessionSettings prepareImport(Connection connection) throws SQLException {
        return MariaDbSession.foreignKeyChecksOff(connection);
    }

    /** The import's session adds foreign keys in place, unchecked ({@link #prepareImport}): checked here. */
    @Override
    public void checkForeignKeys(Connection connection, SchemaScope scope) throws SQLException {
        new MariaDbForeignKeyCheck(connection, this).check(scope);
    }

    /**
     * One InnoDB snapshot on every connection, started under a brief global read lock (see {@code MariaDbSnapshot});
     * refused without the RELOAD privilege.
     */
    @Override
    public Optional<SharedSnapshot> shareSnapshot(Connection leader) throws SQLException {
        return Optional.of(MariaDbSnapshot.begin(leader));
    }

    /**
     * LOAD DATA LOCAL INFILE through Connector/J's local-infile stream (see {@code MariaDbInfileLoader}), for each table
     * whose columns it carries exactly and where the server and driver allow it; else batched INSERTs.
     */
    @Override
    public Optional<TableLoader> tableLoader(Connection connection) throws SQLException {
        return MariaDbInfileLoader.of(connection);
    }

    /** {@code information_schema.TABLES.TABLE_ROWS}: InnoDB's running estimate, often some way off the count. */
    @Override
    public OptionalLong estimatedRows(Connection connection, QualifiedName table) throws SQLException {
        Optional<Long> rows = CatalogQuery.first(connection, "SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
                row -> row.getObject(1) == null ? null : row.getLong(1), table.schema(), table.name());
        return rows.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Foreign keys would stop a table from being dropped before the tables that refer to it; SET STATEMENT turns
     * their checks off for this one statement only. (MariaDB takes CASCADE here but does nothing with it.)
     */
    @Override
    public String dropTable(QualifiedName table) {
        return ddl.dropTable(table);
    }

    /** A MariaDB schema is a database, and DROP DATABASE takes no CASCADE: it always drops what it holds. */
    @Override
    public String dropSchema(String schema) {
        return ddl.dropSchema(schema);
    }
}
