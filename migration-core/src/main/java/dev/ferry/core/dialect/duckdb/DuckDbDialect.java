package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.ForeignKey;
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
import dev.ferry.core.value.ValueText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DuckDB, through its own JDBC driver, in version 0.8.1 and in 1.x (one dialect: it asks the connection's version where
 * the catalog differs). DuckDB cannot add a foreign key to an existing table, so foreign keys are declared in CREATE
 * TABLE and tables created and loaded referenced ones first (a key closing a cycle, and one without the actions
 * DuckDB takes, is left out or cut down by the translation, with a warning); it cannot ALTER SEQUENCE ... RESTART, so a sequence is
 * created at its position. Its DDL is transactional: a failed import is rolled back.
 */
public class DuckDbDialect extends StandardDialect {

    public DuckDbDialect() {
        super(Capabilities.builder()
                .identifierCase(IdentifierCase.PRESERVED)
                .defaultSchema("main")
                .hasIdentityColumns(false)
                .transactionalDdl(true)
                // DuckDB has no ALTER TABLE ... ADD FOREIGN KEY.
                .foreignKeysInCreateTable(true)
                // Each row's keys are checked as it loads (COPY included), and a row cannot refer to another of the
                // same statement: referenced tables load first; a key in a cycle, or to its own table, is left out.
                .foreignKeysCheckedWhileLoading(true)
                // "FOREIGN KEY constraints cannot use CASCADE, SET NULL or SET DEFAULT" (DuckDB 0.8.1 and 1.4).
                .foreignKeyActions(Set.of("NO ACTION", "RESTRICT"))
                // An INT column cannot refer to a BIGINT one ("incompatible" in MariaDB, errno 150; DuckDB likewise).
                .foreignKeyTypesMustMatch(true)
                // DuckDB's own IMPORT DATABASE runs schema.sql, then load.sql, which may hold nothing but COPY
                // statements (DuckDB 1.4: "Failed to cast statement to type" otherwise), and never a third script.
                // Indexes and views created before the data are filled as the rows load.
                .postDataInSchemaScript(true)
                // DuckDB's CSV reader casts BLOB text from \xNN escapes and lists from square brackets.
                .csvValueText(ValueText.DUCKDB)
                // DuckDB's own IMPORT DATABASE joins the export directory with each COPY's file name, its folders
                // dropped ('data/main.t/part-0001.csv' is read as 'part-0001.csv').
                .importFindsDataFilesByName(true)
                .build());
    }
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog");

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String nextValue(QualifiedName sequence) {
        return "nextval(" + quoteLiteral(quote(sequence)) + ")";
    }

    /** DuckDB computes generated columns when read; it stores none. */
    @Override
    public String generatedClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ") VIRTUAL";
    }

    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "DuckDB".equalsIgnoreCase(metaData.getDatabaseProductName());
    }

    @Override
    public boolean isSystemSchema(String schema) {
        return schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT));
    }

    /** The schemas of the current database; DuckDB's driver lists those of every attached one. */
    @Override
    public List<String> userSchemas(Connection connection) throws SQLException {
        return new DuckDbCatalog(connection, this).schemas();
    }

    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        return DuckDbTypes.valueKind(jdbcType, typeName);
    }

    /**
     * Every DuckDB type is carried: STRUCT, MAP and UNION values as DuckDB's text of them, which an export warns about
     * (DuckDB 1.x reads that text back exactly; 0.8.1 writes the strings in it unquoted, and reads none of it back).
     */
    @Override
    public boolean canCarry(Column column) {
        return true;
    }

    /**
     * Values are handed over as the text DuckDB casts to the column's type where the drivers' own setters fall short
     * (dates and timestamps beyond their ranges, infinities, 0.8.1's missing setBytes, lists), and exact numbers as
     * plain digits (HUGEINT and UBIGINT take more than a BigDecimal parameter does).
     */
    @Override
    public void bind(PreparedStatement statement, int parameter, ValueKind kind, Object value) throws SQLException {
        String text = switch (kind) {
            case DECIMAL -> DuckDbLiterals.decimal(value);
            case BINARY -> DuckDbLiterals.blob((byte[]) value);
            case DATE -> DuckDbLiterals.date((LocalDate) value);
            case TIME -> DuckDbLiterals.time((LocalTime) value);
            case TIME_WITH_TIME_ZONE -> DuckDbLiterals.timeWithOffset((OffsetTime) value);
            case TIMESTAMP -> DuckDbLiterals.timestamp((LocalDateTime) value);
            case TIMESTAMP_WITH_TIME_ZONE -> DuckDbLiterals.timestampWithOffset((OffsetDateTime) value);
            case UUID -> value.toString();
            case ARRAY -> DuckDbLiterals.list((Object[]) value);
            default -> null;
        };
        if (text == null) {
            kind.bind(statement, parameter, value);
        } else {
            statement.setString(parameter, text);
        }
    }

    /**
     * DuckDB's Appender where the driver has the one Ferry appends with ({@link DuckDbAppenderLoader}), else INSERTs of
     * many rows each, in the file's order ({@link DuckDbInsertLoader}).
     */
    @Override
    public Optional<TableLoader> tableLoader(Connection connection) throws SQLException {
        return Optional.of(DuckDbAppenderLoader.of(connection, this));
    }

    /** The type as DuckDB writes it, or as the column declares it (a user's type by its name). */
    @Override
    public String columnType(Column column) {
        return column.declaredType() != null ? column.declaredType() : column.typeName();
    }

    @Override
    public PortableType portableType(Column column) {
        return DuckDbPortableTypes.portable(column.typeName());
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return DuckDbPortableTypes.declare(type);
    }

    /** From duckdb_columns(): 0.8.1's getColumns leaves out columns of types it does not know. */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported) throws SQLException {
        DuckDbCatalog catalog = new DuckDbCatalog(connection, this);
        return catalog.columns(table, catalog.userTypes());
    }

    /** Converts, in SQL, the values the drivers cannot hand over exactly: see {@link DuckDbTypes#exportedType}. */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        String type = DuckDbTypes.exportedType(typeName);
        String quoted = quoteIdentifier(column);
        return type == null ? quoted : "CAST(" + quoted + " AS " + type + ") AS " + quoted;
    }

    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        return DuckDbConstraints.read(connection, DuckDbVersion.of(connection), table).uniqueKeys();
    }

    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        return DuckDbConstraints.read(connection, DuckDbVersion.of(connection), table).checks();
    }

    /** From duckdb_constraints(): neither driver implements getImportedKeys. */
    @Override
    public List<ForeignKey> foreignKeys(Connection connection, QualifiedName table, List<ForeignKey> reported)
            throws SQLException {
        DuckDbCatalog catalog = new DuckDbCatalog(connection, this);
        return DuckDbConstraints.read(connection, catalog.version(), table)
                .foreignKeys(new HashSet<>(catalog.tables(table.schema())), new ArrayList<>());
    }

    /** DuckDB's own CREATE INDEX of each index, from duckdb_indexes() (0.8.1's driver has no getIndexInfo). */
    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return new DuckDbCatalog(connection, this).indexes(table.name());
    }

    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) {
        return Set.of();
    }

    @Override
    public List<Sequence> sequences(Connection connection, SchemaScope scope) throws SQLException {
        return new DuckDbCatalog(connection, this).sequences(schema -> inScope(schema, scope));
    }

    /**
     * A sequence is created where it stands, with {@code START} its next value: DuckDB cannot move a sequence after it
     * is created ({@code ALTER SEQUENCE ... RESTART} is "not implemented" in 0.8.1 and 1.4 alike). START comes last:
     * 0.8.1 ignores a START written before INCREMENT BY. So the copy's start_value is the source's position, not its
     * original start.
     */
    @Override
    public String createSequence(Sequence sequence) {
        return "CREATE SEQUENCE " + quote(sequence.name()) + " INCREMENT BY " + sequence.increment() + " MINVALUE "
                + sequence.minimum() + " MAXVALUE " + sequence.maximum() + " START " + sequence.next()
                + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /** Nothing: the sequence was created at its position. */
    @Override
    public String restartSequence(Sequence sequence) {
        return null;
    }

    /**
     * In CSV, {@code allow_quoted_nulls false}: DuckDB reads a quoted empty field ({@code ""}, the empty string in
     * Ferry's files) as NULL unless told not to.
     */
    @Override
    public Map<String, String> copyFromOptions(Map<String, String> readerOptions) {
        if (!DataFormat.CSV.optionValue().equals(readerOptions.get("FORMAT"))) {
            return readerOptions;
        }
        Map<String, String> options = new LinkedHashMap<>(readerOptions);
        options.put(FormatOptions.ALLOW_QUOTED_NULLS, "false");
        return options;
    }

    /**
     * Views from duckdb_views(), each with DuckDB's own CREATE VIEW (column names and all), which {@link #createView}
     * runs as it is; a view depends on each other view whose name its statement mentions. Macros that read tables or
     * views come with them: DuckDB binds a macro's query when it is created, as a view's, so such a macro is created
     * after the data, before the views that call it (see {@link #routines} for the others).
     */
    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        DuckDbCatalog catalog = new DuckDbCatalog(connection, this);
        Map<QualifiedName, String> statements = new LinkedHashMap<>(catalog.views(s -> inScope(s, scope)));
        List<String> relations = catalog.relationNames();
        catalog.macros(s -> inScope(s, scope)).forEach((name, macro) -> {
            if (relations.stream().anyMatch(relation -> mentions(macro, relation))) {
                statements.put(name, macro);
            }
        });
        List<View> views = new ArrayList<>();
        statements.forEach((name, statement) -> {
            Set<QualifiedName> reads = new HashSet<>();
            for (QualifiedName other : statements.keySet()) {
                if (!other.equals(name) && mentions(statement, other.name())) {
                    reads.add(other);
                }
            }
            views.add(new View(name, statement, false, reads));
        });
        return views;
    }

    private boolean mentions(String statement, String name) {
        return statement.contains(quoteIdentifier(name)) || Pattern.compile("(?<![\\w\"$])" + Pattern.quote(name)
                + "(?![\\w\"$])", Pattern.CASE_INSENSITIVE).matcher(statement).find();
    }

    /** The view's query is DuckDB's whole CREATE VIEW (or CREATE MACRO) statement (see {@link #views}). */
    @Override
    public String createView(View view) {
        return createViewAsKept(view);
    }

    /** Enums, and other names for built-in types, from duckdb_types(). */
    @Override
    public List<String> userTypes(Connection connection, SchemaScope scope) throws SQLException {
        return new DuckDbCatalog(connection, this).userTypes().createStatements(s -> inScope(s, scope));
    }

    /**
     * Macros (scalar and table macros) that read no table or view, created before the tables whose defaults and checks
     * may call them; the others come with the views.
     */
    @Override
    public List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        DuckDbCatalog catalog = new DuckDbCatalog(connection, this);
        List<String> relations = catalog.relationNames();
        return catalog.macros(s -> inScope(s, scope)).values().stream()
                .filter(macro -> relations.stream().noneMatch(relation -> mentions(macro, relation))).toList();
    }

    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return new DuckDbWarnings(connection, this).of(s -> inScope(s, scope));
    }

    /** The results are read through {@link DuckDbResults}, which reads what the drivers hand over wrongly. */
    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        return DuckDbResults.adapt(connection.prepareStatement(sql));
    }
}
