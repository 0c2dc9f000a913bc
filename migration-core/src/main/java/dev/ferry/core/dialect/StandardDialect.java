package dev.ferry.core.dialect;

import dev.ferry.core.FerryErrors;
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
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Standard SQL: the generic fallback for any engine, and the base of every engine's dialect. */
public class StandardDialect implements Dialect {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PG_CATALOG", "SYS", "SYSTEM",
            "MYSQL", "PERFORMANCE_SCHEMA");

    private final Capabilities capabilities;

    /** The generic dialect, for an engine no other dialect supports: standard SQL throughout. */
    public StandardDialect() {
        this(Capabilities.STANDARD);
    }

    /** An engine's dialect, whose engine has {@code capabilities}. */
    protected StandardDialect(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public String name() {
        return "generic";
    }

    /** The generic dialect fits every engine; {@link Dialects} asks it last. */
    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return true;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public final String quote(QualifiedName name) {
        return name.schema() == null ? quoteIdentifier(name.name())
                : quoteIdentifier(name.schema()) + "." + quoteIdentifier(name.name());
    }

    @Override
    public final String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public boolean isSystemSchema(String schema) {
        return schema != null && SYSTEM_SCHEMAS.contains(schema.toUpperCase(Locale.ROOT));
    }

    /** The schemas {@link DatabaseMetaData#getSchemas()} lists, the engine's own left out. */
    @Override
    public List<String> userSchemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (schema != null && !isSystemSchema(schema)) {
                    schemas.add(schema);
                }
            }
        }
        schemas.sort(null);
        return schemas;
    }

    /** Whether a schema is the user's and in {@code scope}. */
    public boolean inScope(String schema, SchemaScope scope) {
        return !isSystemSchema(schema) && scope.includes(schema);
    }

    /** The driver's type name, with length, precision and scale where the type takes them. */
    @Override
    public String columnType(Column column) {
        String type = column.typeName();
        return switch (column.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY ->
                    column.size() > 0 ? type + "(" + column.size() + ")" : type;
            case Types.DECIMAL, Types.NUMERIC -> column.size() > 0
                    ? type + "(" + column.size() + ", " + column.scale() + ")" : type;
            default -> type;
        };
    }

    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        return reported;
    }

    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        return quoteIdentifier(column);
    }

    /**
     * A lock held by the session, as {@link #lockImports} returns it: {@code take} is a query giving 1 where it took
     * the lock and 0 where another session holds it; {@code release} gives it back.
     */
    protected static Optional<SessionSettings> sessionLock(Connection connection, String take, String release)
            throws SQLException {
        boolean taken = CatalogQuery.first(connection, take, row -> row.getInt(1) == 1).orElse(false);
        return taken ? Optional.of(() -> CatalogQuery.first(connection, release, row -> row.getObject(1)))
                : Optional.empty();
    }

    /**
     * How an engine that pads {@code CHAR(n)} values with spaces to n characters (H2, HSQLDB) selects a column for
     * export: a {@code CHAR} column as {@code RTRIM} of it, every other as it is. The spaces mean nothing to such an
     * engine (it compares with PAD SPACE) but would be part of the value in a target whose type for it does not pad
     * (DuckDB's VARCHAR, SQLite's text), where {@code code = 'ab'} would find no row; a target that pads pads it again.
     */
    protected String unpaddedColumn(String column, int jdbcType) {
        String quoted = quoteIdentifier(column);
        return jdbcType == Types.CHAR || jdbcType == Types.NCHAR ? "RTRIM(" + quoted + ") AS " + quoted : quoted;
    }

    @Override
    public SessionSettings prepareSession(Connection connection) throws SQLException {
        return SessionSettings.NONE;
    }

    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        return null;
    }

    /**
     * Unique constraints from the standard INFORMATION_SCHEMA views; none where the engine lacks them (its unique
     * indexes are then exported as indexes, which enforce the same).
     */
    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try {
            CatalogQuery.forEach(connection, "SELECT tc.CONSTRAINT_NAME, kcu.COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
                        + " ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " AND kcu.TABLE_NAME = tc.TABLE_NAME"
                        + " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?"
                        + " ORDER BY tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION",
                    row -> keys.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(2)),
                    table.schema(), table.name());
        } catch (SQLException noInformationSchema) {
            return List.of();
        }
        List<KeyConstraint> constraints = new ArrayList<>();
        keys.forEach((name, columns) -> constraints.add(new KeyConstraint(name, columns)));
        return constraints;
    }

    /** CHECK constraints from the standard INFORMATION_SCHEMA views; none where the engine lacks them. */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        try {
            return CatalogQuery.list(connection, "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                        + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                        + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? ORDER BY 1",
                    row -> new CheckConstraint(row.getString(1), "CHECK (" + row.getString(2) + ")"),
                    table.schema(), table.name());
        } catch (SQLException noInformationSchema) {
            return List.of();
        }
    }

    /**
     * Views from the standard INFORMATION_SCHEMA.VIEWS. Which views a view reads is found in its query text: a
     * view depends on each other view whose name (quoted, or as a whole word) appears in it. A false match only
     * changes the order of views that do not depend on each other.
     */
    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        Map<QualifiedName, String> queries = new LinkedHashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS ORDER BY 1, 2", row -> {
                    if (inScope(row.getString(1), scope)) {
                        queries.put(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3));
                    }
                });
        List<View> views = new ArrayList<>();
        queries.forEach((name, query) -> {
            Set<QualifiedName> reads = new HashSet<>();
            for (QualifiedName other : queries.keySet()) {
                if (!other.equals(name) && mentions(query, other)) {
                    reads.add(other);
                }
            }
            views.add(new View(name, query, false, reads));
        });
        return views;
    }

    private boolean mentions(String query, QualifiedName view) {
        return query.contains(quoteIdentifier(view.name()))
                || Pattern.compile("(?<![\\w\"`$])" + Pattern.quote(view.name()) + "(?![\\w\"`$])",
                        Pattern.CASE_INSENSITIVE).matcher(query).find();
    }

    @Override
    public String createView(View view) {
        return "CREATE " + (view.materialized() ? "MATERIALIZED " : "") + "VIEW " + viewName(view) + " AS "
                + view.query().strip().replaceAll(";+$", "");
    }

    /**
     * The reported columns, each that the engine's own description of them ({@code described}) has by name replaced by
     * {@code refine} of the two; the others as reported.
     */
    protected static <T> List<Column> refined(List<Column> reported, List<T> described, Function<T, String> name,
                                              BiFunction<Column, T, Column> refine) {
        Map<String, T> byName = new HashMap<>();
        described.forEach(column -> byName.put(name.apply(column), column));
        List<Column> columns = new ArrayList<>();
        for (Column column : reported) {
            T own = byName.get(column.name());
            columns.add(own == null ? column : refine.apply(column, own));
        }
        return columns;
    }

    /** The view's name, and the list of its columns' names where it has one. */
    protected String viewName(View view) {
        return quote(view.name()) + (view.columns().isEmpty() ? ""
                : " (" + String.join(", ", view.columns().stream().map(this::quoteIdentifier).toList()) + ")");
    }

    /**
     * The view's whole CREATE statement, where the engine's catalog gives one in place of its query (DuckDB, SQLite);
     * CREATE VIEW with its query for a view translated from another engine, which has its query only.
     */
    protected String createViewAsKept(View view) {
        return view.query().stripLeading().regionMatches(true, 0, "CREATE", 0, 6) ? view.query()
                : "CREATE VIEW " + viewName(view) + " AS " + view.query();
    }

    /**
     * {@code GENERATED ALWAYS AS (<expression>)}, as SQL:2003 writes it; the expression from the driver or, where it
     * reports none (H2), from INFORMATION_SCHEMA.COLUMNS.GENERATION_EXPRESSION.
     */
    @Override
    public String generatedColumn(Connection connection, QualifiedName table, String column, String reportedExpression)
            throws SQLException {
        String expression = reportedExpression;
        if (expression == null) {
            expression = CatalogQuery.first(connection, "SELECT GENERATION_EXPRESSION FROM"
                    + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                    row -> row.getString(1), table.schema(), table.name(), column).orElse(null);
        }
        if (expression == null) {
            throw FerryErrors.notSupported("Column " + column + " of " + table + " is generated, but the "
                    + name() + " dialect cannot read its expression");
        }
        return "GENERATED ALWAYS AS (" + expression + ")";
    }

    /** Routines and triggers listed in the standard INFORMATION_SCHEMA, which this dialect does not carry. */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        List<String> warnings = new ArrayList<>();
        String[][] queries = {
                {"Routine", "SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES ORDER BY 1, 2"},
                {"Trigger", "SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1, 2"}};
        for (String[] query : queries) {
            try {
                CatalogQuery.forEach(connection, query[1], row -> {
                    if (inScope(row.getString(1), scope)) {
                        warnings.add(query[0] + " " + new QualifiedName(row.getString(1), row.getString(2))
                                + " is not exported (the " + name() + " dialect does not carry it yet)");
                    }
                });
            } catch (SQLException noSuchView) {
                // An engine without the view has no such objects to report.
            }
        }
        return warnings;
    }

    @Override
    public String comment(Comment comment) {
        return comment.column() == null
                ? "COMMENT ON TABLE " + quote(comment.table()) + " IS " + quoteLiteral(comment.text())
                : "COMMENT ON COLUMN " + quote(comment.table()) + "." + quoteIdentifier(comment.column()) + " IS "
                        + quoteLiteral(comment.text());
    }

    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return reported;
    }

    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        return Set.of();
    }

    /**
     * Sequences from the standard INFORMATION_SCHEMA.SEQUENCES view, where the engine has it; their next value comes
     * from {@link #nextSequenceValue}.
     */
    @Override
    public List<Sequence> sequences(Connection connection, SchemaScope scope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        CatalogQuery.forEach(connection,
                "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE,"
                        + " CYCLE_OPTION, DATA_TYPE FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1, 2", row -> {
                    if (inScope(row.getString(1), scope)) {
                        QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
                        sequences.add(new Sequence(name, row.getString(8), row.getLong(3), row.getLong(4),
                                row.getLong(5), row.getLong(6), "YES".equalsIgnoreCase(row.getString(7)),
                                nextSequenceValue(connection, name), null));
                    }
                });
        return sequences;
    }

    /** The value a sequence hands out next; the standard has no way to ask, so each engine says. */
    protected long nextSequenceValue(Connection connection, QualifiedName sequence) throws SQLException {
        throw new SQLException("The " + name() + " dialect cannot read the position of sequence " + sequence, "0A000");
    }

    @Override
    public String createSequence(Sequence sequence) {
        return "CREATE SEQUENCE " + quote(sequence.name())
                + (sequence.dataType() == null ? "" : " AS " + sequence.dataType()) + " START WITH " + sequence.start() + " INCREMENT BY "
                + sequence.increment() + " MINVALUE " + sequence.minimum() + " MAXVALUE " + sequence.maximum()
                + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    @Override
    public String restartSequence(Sequence sequence) {
        return "ALTER SEQUENCE " + quote(sequence.name()) + " RESTART WITH " + sequence.next();
    }

    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(1000);
        return statement;
    }

    @Override
    public final String insert(String table, List<String> columns, List<ValueKind> kinds) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + overridingIdentity() + "VALUES ("
                + kinds.stream().map(this::parameterMarker).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String parameterMarker(ValueKind kind) {
        return "?";
    }

    /** What an INSERT says, before VALUES, to store explicit values in GENERATED ALWAYS identity columns. */
    protected String overridingIdentity() {
        return "";
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema);
    }

    @Override
    public String restartIdentity(QualifiedName table, String column, Identity identity) {
        return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quoteIdentifier(column)
                + " RESTART WITH " + identity.next();
    }

    @Override
    public String identityClause(Identity identity) {
        return (identity.always() ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT") + " AS IDENTITY (START WITH "
                + identity.start() + " INCREMENT BY " + identity.increment() + ")";
    }

    @Override
    public String dropTable(QualifiedName table) {
        return "DROP TABLE IF EXISTS " + quote(table) + " CASCADE";
    }

    @Override
    public String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + quoteIdentifier(schema) + " CASCADE";
    }

    @Override
    public final String dropSequence(QualifiedName sequence) {
        return "DROP SEQUENCE IF EXISTS " + quote(sequence);
    }
}
