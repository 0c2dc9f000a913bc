package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.dialect.OnUpdateTrigger;
import dev.ferry.core.dialect.RowPositions;
import dev.ferry.core.dialect.SharedSnapshot;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.dialect.TableDumper;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Dependencies;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Relation;
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
 * PostgreSQL. Its own text form of every built-in type is exactly what it reads back (pg_dump's COPY relies on it),
 * so types without a portable Ferry form are carried as that text and handed back untyped for the server to parse.
 */
public class PostgresDialect extends StandardDialect {

    public PostgresDialect() {
        super(Capabilities.builder()
                .identifierCase(IdentifierCase.LOWER)
                .defaultSchema("public")
                .hasMaterializedViews(true)
                .transactionalDdl(true)
                .concurrentLoads(true)
                .keysAfterData(true)
                // A partitioned table is created (PARTITION BY) and holds no rows of its own; its partitions hold them.
                .tableTypes(Set.of("TABLE", "PARTITIONED TABLE"))
                // pgjdbc lists indexes, sequences and types among the tables unless told which types are meant.
                .relationTypes(List.of("TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"))
                // Function bodies may read tables that are created after them, as pg_dump arranges it too.
                .schemaScriptPreamble(List.of("SET LOCAL check_function_bodies = false"))
                .build());
    }
    private static final Set<String> ENGINE_TEXT_TYPES = Set.of("bit", "varbit", "interval", "money", "xml", "inet",
            "cidr", "macaddr", "macaddr8", "tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon",
            "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "pg_lsn", "txid_snapshot",
            "oid", "hstore", "citext");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String nextValue(QualifiedName sequence) {
        return "nextval(" + quoteLiteral(quote(sequence)) + ")";
    }

    @Override
    public String generatedClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ") STORED";
    }

    @Override
    public PortableType portableType(Column column) {
        return PostgresTypes.portable(column);
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return PostgresTypes.declare(type);
    }

    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(metaData.getDatabaseProductName());
    }

    @Override
    public boolean isSystemSchema(String schema) {
        if (schema == null) {
            return false;
        }
        String lower = schema.toLowerCase(Locale.ROOT);
        return lower.equals("pg_catalog") || lower.equals("information_schema") || lower.startsWith("pg_toast")
                || lower.startsWith("pg_temp_");
    }

    /** pgjdbc reports several types under codes that do not fit them (bool and bit as BIT, money as DOUBLE ...). */
    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT).replace("\"", "");
        if (name.equals("bool")) {
            return ValueKind.BOOLEAN;
        }
        if (name.equals("timestamptz")) {
            return ValueKind.TIMESTAMP_WITH_TIME_ZONE;
        }
        if (name.equals("timetz")) {
            return ValueKind.TIME_WITH_TIME_ZONE;
        }
        if (jdbcType == Types.ARRAY || name.startsWith("_") || ENGINE_TEXT_TYPES.contains(name)
                || jdbcType == Types.OTHER && !name.equals("json") && !name.equals("jsonb") && !name.equals("uuid")
                || jdbcType == Types.SQLXML || jdbcType == Types.STRUCT || jdbcType == Types.DISTINCT) {
            return ValueKind.ENGINE_TEXT;
        }
        return super.valueKind(jdbcType, typeName);
    }

    /**
     * Text is handed over untyped, so the server parses it as the column's type (enums, domains, json, arrays,
     * intervals, NUMERIC's NaN) as it does for COPY; pgjdbc would otherwise send it as varchar, which those refuse.
     */
    @Override
    public void bind(PreparedStatement statement, int parameter, ValueKind kind, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setObject(parameter, text, Types.OTHER);
        } else {
            kind.bind(statement, parameter, value);
        }
    }

    /**
     * COPY FROM STDIN through pgjdbc's CopyManager: measured 8.5 times slower with batched INSERTs than pg_restore
     * for 1,000,000 rows.
     */
    @Override
    public Optional<TableLoader> tableLoader(Connection connection) throws SQLException {
        return PostgresCopyLoader.of(connection);
    }

    /**
     * COPY TO STDOUT through pgjdbc's CopyManager, the server writing Ferry's CSV text (see {@code PostgresCsvText});
     * the JFR profile of the row-by-row export put more than half of its time in reading and formatting values.
     */
    @Override
    public Optional<TableDumper> tableDumper(Connection connection) throws SQLException {
        return PostgresCopyDumper.of(connection, this);
    }

    /** The position, and the column the sequence belongs to (serial columns), which PostgreSQL records as OWNED BY. */
    @Override
    public String restartSequence(Sequence sequence) {
        return super.restartSequence(sequence) + (sequence.ownedBy() == null ? "" : " OWNED BY " + sequence.ownedBy());
    }

    /** PostgreSQL refuses explicit values for GENERATED ALWAYS identity columns unless told to take them. */
    @Override
    protected String overridingIdentity() {
        return "OVERRIDING SYSTEM VALUE ";
    }

    /** An untyped NULL, which columns of every type (enums, domains) take. */
    @Override
    public void bindNull(PreparedStatement statement, int parameter, int jdbcType) throws SQLException {
        statement.setNull(parameter, Types.OTHER);
    }

    /**
     * format_type gives each column's type as it is declared, with length, precision, array dimensions, schema;
     * attnotnull tells a NOT NULL column from a column of a NOT NULL domain, which pgjdbc reports alike; attgenerated
     * tells a STORED generated column (computed when a row is written) from a VIRTUAL one (PostgreSQL 18: computed
     * when read).
     */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        return new PostgresCatalog(connection, this).columns(table, reported);
    }

    /** INHERITS from pg_inherits, the partition key from pg_get_partkeydef, the bounds from relpartbound. */
    @Override
    public Inheritance inheritance(Connection connection, QualifiedName table) throws SQLException {
        return new PostgresCatalog(connection, this).inheritance(table);
    }

    /** The tables pg_inherits lists as inheriting from {@code table}, its partitions among them. */
    @Override
    public List<QualifiedName> inheritingTables(Connection connection, QualifiedName table) throws SQLException {
        return new PostgresCatalog(connection, this).inheritingTables(table);
    }

    /**
     * A {@code character(n)} column is selected as {@code text}: PostgreSQL pads its values with spaces to n
     * characters, spaces that mean nothing there (its cast to text drops them, its comparisons ignore them) but would
     * be part of the value in a target whose type for it does not pad (DuckDB's VARCHAR, SQLite's text), where
     * {@code name = 'English'} would then find no row. A target that pads (PostgreSQL, H2, HSQLDB) pads it again, and
     * MariaDB drops them as it reads. Every other column is selected as it is.
     */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        String quoted = quoteIdentifier(column);
        return blankPadded(typeName) ? "CAST(" + quoted + " AS text) AS " + quoted : quoted;
    }

    /** Whether a type name (pgjdbc's {@code bpchar}, or as declared) is {@code character(n)}, not {@code "char"}. */
    static boolean blankPadded(String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return name.equals("bpchar") || name.equals("character") || name.startsWith("character(");
    }

    /** The session-level advisory lock keyed by the current database's name, which a session's end releases. */
    private static final String IMPORT_LOCK = "hashtext('ferry import ' || current_database())";

    /** A session-level advisory lock, which the server releases when the session ends. */
    @Override
    public Optional<SessionSettings> lockImports(Connection connection) throws SQLException {
        return sessionLock(connection, "SELECT CASE WHEN pg_try_advisory_lock(" + IMPORT_LOCK + ") THEN 1 ELSE 0 END",
                "SELECT pg_advisory_unlock(" + IMPORT_LOCK + ")");
    }

    /** The leader's snapshot, exported by name ({@code pg_export_snapshot()}); see {@code PostgresSnapshot}. */
    @Override
    public Optional<SharedSnapshot> shareSnapshot(Connection leader) throws SQLException {
        return Optional.of(PostgresSnapshot.export(leader));
    }

    /**
     * {@code pg_class.reltuples}, which VACUUM, ANALYZE and CREATE INDEX keep; -1 (PostgreSQL 14 on) for a table
     * never yet analyzed gives none.
     */
    @Override
    public OptionalLong estimatedRows(Connection connection, QualifiedName table) throws SQLException {
        Optional<Long> rows = CatalogQuery.first(connection,
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)",
                row -> row.getObject(1) == null ? null : row.getLong(1), quote(table));
        return rows.filter(n -> n >= 0).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** ctid ranges, on PostgreSQL 14 and later (TID range scans); see {@code PostgresRowPositions}. */
    @Override
    public Optional<RowPositions> rowPositions(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= PostgresRowPositions.FIRST_VERSION
                ? Optional.of(new PostgresRowPositions(this)) : Optional.empty();
    }

    /** Only the table's own rows: those of the tables that inherit from it (partitions too) are exported on their own. */
    @Override
    public String rowsOf(QualifiedName table) {
        return "ONLY " + quote(table);
    }

    /**
     * The foreign keys pgjdbc reports, less those PostgreSQL cloned onto a partition from its partitioned table's own
     * (conparentid), which the partitioned table's foreign key makes again.
     */
    @Override
    public List<ForeignKey> foreignKeys(Connection connection, QualifiedName table, List<ForeignKey> reported)
            throws SQLException {
        return new PostgresCatalog(connection, this).ownForeignKeys(table, reported);
    }

    /** Identity columns (not serial ones, whose sequence is an ordinary sequence with a default). */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        return new PostgresCatalog(connection, this).identity(table, column);
    }

    /**
     * Indexes as PostgreSQL writes them (pg_get_indexdef): expression and partial indexes, methods and operator
     * classes included; those backing constraints left out.
     */
    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return new PostgresCatalog(connection, this).indexes(table);
    }

    /** Views and materialized views from pg_class, with the views each reads from pg_depend. */
    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresCatalog(connection, this).views(scope);
    }

    /** Functions and procedures as pg_get_functiondef writes them, and aggregates as pg_dump writes them. */
    @Override
    public List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).routines();
    }

    /** What pg_depend says the routines need before them, and the tables whose defaults and checks call them. */
    @Override
    public Dependencies dependencies(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).dependencies();
    }

    /**
     * Triggers as pg_get_triggerdef writes them, those PostgreSQL makes for foreign keys left out, then rules as
     * pg_get_ruledef writes them, views' own _RETURN rules left out.
     */
    @Override
    public List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).triggers();
    }

    /**
     * Window functions written in C, row-level security policies and event triggers, which Ferry does not carry yet,
     * and owners and privileges, which it does not carry at all.
     */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return PostgresWarnings.of(connection, new PostgresScopeConditions(this, scope));
    }

    /**
     * Extensions (other than plpgsql, which every database has), then enums, then domains (which may be over enums),
     * leaving out types that extensions own.
     */
    @Override
    public List<String> userTypes(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).userTypes();
    }

    /** A view (or materialized view) with the views that read it, which PostgreSQL would not drop otherwise. */
    @Override
    public String dropRelation(Relation relation) {
        if (!relation.isView()) {
            return dropTable(relation.name());
        }
        return "DROP " + (relation.type().toUpperCase(Locale.ROOT).contains("MATERIALIZED") ? "MATERIALIZED " : "")
                + "VIEW IF EXISTS " + quote(relation.name()) + " CASCADE";
    }

    /** DROP for the user's functions, procedures and aggregates, which a failed import that committed drops. */
    @Override
    public List<String> dropRoutines(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).dropRoutines();
    }

    /** DROP for the extensions, enums and domains {@link #userTypes} creates. */
    @Override
    public List<String> dropTypes(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresScripts(connection, new PostgresScopeConditions(this, scope)).dropTypes();
    }

    /** Sequences from pg_sequences, leaving out those that belong to identity columns. */
    @Override
    public List<Sequence> sequences(Connection connection, SchemaScope scope) throws SQLException {
        return new PostgresCatalog(connection, this).sequences(scope);
    }

    /** PostgreSQL lists NOT NULL as CHECK constraints in INFORMATION_SCHEMA; pg_constraint tells them apart. */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        return new PostgresCatalog(connection, this).checkConstraints(table);
    }

    /** Unique constraints from pg_constraint, columns in key order. */
    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        return new PostgresCatalog(connection, this).uniqueKeys(table);
    }

    /** The schema's comment (obj_description), but for the comment PostgreSQL itself gives public. */
    @Override
    public String schemaComment(Connection connection, String schema) throws SQLException {
        return new PostgresCatalog(connection, this).schemaComment(schema);
    }

    @Override
    public String commentOnSchema(String schema, String text) {
        return "COMMENT ON SCHEMA " + quoteIdentifier(schema) + " IS " + quoteLiteral(text);
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema);
    }

    /**
     * A PL/pgSQL function that sets the column to {@code moment} in a BEFORE UPDATE trigger when the row changes and
     * the UPDATE left the column as it was. MariaDB's clause also stays off when an UPDATE assigns the column its own
     * value explicitly; a trigger cannot tell that from not assigning it, and sets it.
     */
    @Override
    public OnUpdateTrigger onUpdateTrigger(QualifiedName table, String column, String moment) {
        String name = table.name() + "_" + column + "_on_update";
        String function = quote(new QualifiedName(table.schema(), name)) + "()";
        String quoted = quoteIdentifier(column);
        String routine = "CREATE FUNCTION " + function + " RETURNS trigger LANGUAGE plpgsql AS $ferry$\n"
                + "BEGIN\n"
                + "    IF NEW IS DISTINCT FROM OLD AND NEW." + quoted + " IS NOT DISTINCT FROM OLD." + quoted + " THEN\n"
                + "        NEW." + quoted + " := " + moment + ";\n"
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END\n"
                + "$ferry$";
        String trigger = "CREATE TRIGGER " + quoteIdentifier(name) + " BEFORE UPDATE ON " + quote(table)
                + " FOR EACH ROW EXECUTE FUNCTION " + function;
        return new OnUpdateTrigger(routine, trigger);
    }
}
