package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL. Its own text form of every built-in type is exactly what it reads back (pg_dump's COPY relies on it),
 * so types without a portable Ferry form are carried as that text and handed back untyped for the server to parse.
 */
public class PostgresDialect extends StandardDialect {
    private static final Set<String> ENGINE_TEXT_TYPES = Set.of("bit", "varbit", "interval", "money", "xml", "inet",
            "cidr", "macaddr", "macaddr8", "tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon",
            "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "pg_lsn", "txid_snapshot",
            "oid", "hstore", "citext");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.LOWER;
    }

    @Override
    public String defaultSchema() {
        return "public";
    }

    @Override
    public boolean hasMaterializedViews() {
        return true;
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

    /** pgjdbc lists indexes, sequences and types among the tables unless told which types are meant. */
    @Override
    public String[] relationTypes() {
        return new String[] {"TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"};
    }

    @Override
    public Set<String> tableTypes() {
        return Set.of("TABLE");
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

    /** Function bodies may read tables that are created after them, as pg_dump arranges it too. */
    @Override
    public List<String> schemaScriptPreamble() {
        return List.of("SET LOCAL check_function_bodies = false");
    }

    /** Functions and procedures as pg_get_functiondef writes them; aggregates are reported instead. */
    @Override
    public List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        return strings(connection, "SELECT pg_get_functiondef(p.oid) FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND"
                + userObject("p", scope)
                + " ORDER BY n.nspname, p.proname, p.oid");
    }

    /** Triggers as pg_get_triggerdef writes them, those PostgreSQL makes for foreign keys left out. */
    @Override
    public List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        return strings(connection, "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND" + userObject("c", scope)
                + " ORDER BY n.nspname, c.relname, t.tgname");
    }

    /**
     * Aggregates, rules, row-level security policies, event triggers and partitioning, which Ferry does not carry
     * yet, and owners and privileges, which it does not carry at all.
     */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return strings(connection, "SELECT 'Aggregate ' || n.nspname || '.' || p.proname || ' is not exported' FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('a', 'w') AND" + userObject("p", scope)
                + " UNION ALL SELECT 'Rule ' || r.schemaname || '.' || r.rulename || ' on ' || r.tablename"
                + " || ' is not exported' FROM pg_rules r WHERE r.schemaname NOT IN ('pg_catalog', 'information_schema')"
                + scopeCondition("r.schemaname", scope)
                + " UNION ALL SELECT 'Policy ' || p.policyname || ' on ' || p.schemaname || '.' || p.tablename"
                + " || ' is not exported' FROM pg_policies p WHERE TRUE" + scopeCondition("p.schemaname", scope)
                + " UNION ALL SELECT 'Event trigger ' || e.evtname || ' is not exported' FROM pg_event_trigger e"
                + " UNION ALL SELECT 'Partition ' || n.nspname || '.' || c.relname || ' of ' || pn.nspname || '.'"
                + " || p.relname || ' is exported as a plain table holding its rows (partitioning is not carried yet)'"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                + " WHERE c.relispartition AND c.relkind = 'r'" + scopeCondition("n.nspname", scope)
                + " UNION ALL SELECT 'Owners and privileges are not exported: the imported objects belong to the user"
                + " who imports them' WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE" + userObject("c", scope) + " AND (c.relacl IS NOT NULL"
                + " OR c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)))"
                + " ORDER BY 1");
    }

    /**
     * The object (alias {@code alias}, with namespace {@code n}) is the user's, not the system's or an extension's, and
     * in {@code scope}.
     */
    private String userObject(String alias, SchemaScope scope) {
        return " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = " + alias + ".oid AND d.deptype = 'e')"
                + scopeCondition("n.nspname", scope);
    }

    /** {@code AND <column> IN (<the schemas named>)}, or nothing for the default scope. */
    private String scopeCondition(String column, SchemaScope scope) {
        return scope.isDefault() ? ""
                : " AND " + column + " IN (" + scope.named().stream().map(this::quoteLiteral)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> strings = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                strings.add(rows.getString(1));
            }
        }
        return strings;
    }

    /**
     * Extensions (other than plpgsql, which every database has), then enums, then domains (which may be over enums),
     * leaving out types that extensions own.
     */
    @Override
    public List<String> userTypes(Connection connection, SchemaScope scope) throws SQLException {
        String userSchema = userObject("t", scope);
        List<String> types = strings(connection, "SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I',"
                + " e.extname, n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname <> 'plpgsql' ORDER BY e.extname");
        try (PreparedStatement enums = connection.prepareStatement(
                "SELECT format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname,"
                        + " string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder))"
                        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " JOIN pg_enum e ON e.enumtypid = t.oid WHERE" + userSchema
                        + " GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname");
             PreparedStatement domains = connection.prepareStatement(
                "SELECT format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod))"
                        + " || CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation"
                        + "    THEN ' COLLATE ' || t.typcollation::regcollation::text ELSE '' END"
                        + " || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
                        + " || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' '"
                        + "    || pg_get_constraintdef(c.oid), '' ORDER BY c.conname) FROM pg_constraint c"
                        + "    WHERE c.contypid = t.oid), '')"
                        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype"
                        + " WHERE t.typtype = 'd' AND" + userSchema + " ORDER BY n.nspname, t.typname")) {
            for (PreparedStatement statement : List.of(enums, domains)) {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        types.add(rows.getString(1));
                    }
                }
            }
        }
        return types;
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

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema);
    }
}
