package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.ForeignKey;
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
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite (3.37 or newer; tested with the Xerial driver). One database file, the {@code main} database: SQLite has no
 * schemas, and attached databases are not exported (a warning names each).
 *
 * <p>Tables are created again by the statement SQLite keeps for them ({@code sqlite_master.sql}), so declared types,
 * collations, conflict clauses, foreign keys, AUTOINCREMENT, WITHOUT ROWID and STRICT come back as written; indexes,
 * views and triggers likewise. Values are carried by each column's declared type ({@link SqliteDeclaredType}).
 */
public class SqliteDialect extends StandardDialect {

    public SqliteDialect() {
        super(Capabilities.builder()
                .identifierCase(IdentifierCase.PRESERVED)
                // An attached database is out of scope: one schema, named by no statement.
                .hasSchemas(false)
                .hasSequences(false)
                .transactionalDdl(true)
                .tableTypes(Set.of("TABLE"))
                // SQLite cannot add a foreign key to an existing table, so they are declared in CREATE TABLE (SQLite's
                // own statement holds them). While the data loads, they must not refuse rows whose parent row comes
                // later (or never, where SQLite's enforcement was off in the source, its default):
                // schemaScriptPreamble defers them.
                .foreignKeysInCreateTable(true)
                .identityDeclaresPrimaryKey(true)
                // PRAGMA defer_foreign_keys: where the importing connection enforces foreign keys (PRAGMA foreign_keys
                // = ON), they are checked once, when the import commits, instead of row by row, so tables load in any
                // order, with cycles and self-references; a source whose rows break its own keys then fails to import
                // (enforcement off, SQLite's default, copies them as they are). PRAGMA foreign_keys itself cannot be
                // changed inside the import's transaction; this lasts until its end.
                .schemaScriptPreamble(List.of("PRAGMA defer_foreign_keys = ON"))
                .batchRefusalUnnamed(true)
                .build());
    }
    private static final Set<TypeFamily> INTEGERS = Set.of(TypeFamily.TINYINT, TypeFamily.SMALLINT,
            TypeFamily.INTEGER, TypeFamily.BIGINT);

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String generatedClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ") STORED";
    }

    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "SQLite".equalsIgnoreCase(metaData.getDatabaseProductName());
    }

    /**
     * By the declared type alone: the driver reports a column's declared type as its type name, but its JDBC type by
     * the value in the current row, which differs from row to row.
     */
    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        return SqliteDeclaredType.parse(typeName).valueKind();
    }

    /**
     * Decimals as their plain text, which a DECIMAL column (NUMERIC affinity) turns into the integer or real it was
     * and a DECIMAL_TEXT column keeps (the driver would bind {@code 1E+3}); values in SQLite's literal form as what
     * they stand for.
     */
    @Override
    public void bind(PreparedStatement statement, int parameter, ValueKind kind, Object value) throws SQLException {
        if (kind == ValueKind.DECIMAL) {
            statement.setString(parameter, value instanceof BigDecimal decimal ? decimal.toPlainString() : (String) value);
        } else if (kind == ValueKind.ENGINE_TEXT && value instanceof String literal) {
            SqliteLiteral.bind(statement, parameter, literal);
        } else {
            super.bind(statement, parameter, kind, value);
        }
    }

    /** A column in SQLite's literal form is selected as such; every other as it is. */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        String quoted = quoteIdentifier(column);
        return valueKind(jdbcType, typeName) == ValueKind.ENGINE_TEXT
                ? SqliteLiteral.select(quoted) + " AS " + quoted : quoted;
    }

    /**
     * Checks every value of the query before its rows are streamed ({@link SqliteValueCheck}): one more scan of the
     * rows, inside the export's read transaction, so that a value Ferry would not carry exactly stops the export
     * instead of changing.
     */
    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        SqliteValueCheck.requireCarried(connection, sql, this);
        return super.streamingQuery(connection, sql);
    }

    /** The declared type as written. */
    @Override
    public String columnType(Column column) {
        return column.declaredType() != null ? column.declaredType() : super.columnType(column);
    }

    @Override
    public PortableType portableType(Column column) {
        SqliteDeclaredType declared = column.declaredType() != null ? SqliteDeclaredType.parse(column.declaredType())
                : new SqliteDeclaredType(SqliteDeclaredType.normalName(column.typeName()), column.size(),
                        column.scale() > 0 ? column.scale() : -1);
        String source = column.declaredType() != null ? column.declaredType() : column.typeName();
        return SqliteTypeMapping.portable(declared, source == null ? "" : source);
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return SqliteTypeMapping.declare(type);
    }

    /**
     * The columns as {@code PRAGMA table_xinfo} has them: declared types exactly as written, defaults as written,
     * generated columns (which the driver's list may lack) with their expressions; the AUTOINCREMENT column with its
     * next value. Refuses virtual tables and their shadow tables.
     */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        SqliteCatalog catalog = new SqliteCatalog(connection);
        catalog.requirePlainTable(table.name());
        Map<String, Column> reportedByName = new HashMap<>();
        reported.forEach(column -> reportedByName.put(column.name(), column));
        SqliteTableText text = SqliteTableText.of(catalog.tableSql(table.name()));
        List<Column> columns = new ArrayList<>();
        for (SqliteCatalog.ColumnInfo info : catalog.columns(table.name())) {
            SqliteDeclaredType declared = SqliteDeclaredType.parse(info.declaredType());
            Column driver = reportedByName.get(info.name());
            String generated = info.hidden() == 2 || info.hidden() == 3
                    ? generatedClause(text, info.name(), info.hidden() == 3) : null;
            Identity identity = generated == null && info.primaryKey() == 1 && declared.name().equals("INTEGER")
                    ? identity(connection, table, info.name()) : null;
            columns.add(new Column(info.name(), declared.name(), driver != null ? driver.jdbcType() : Types.OTHER,
                    declared.length(), Math.max(declared.scale(), 0), !info.notNull(),
                    generated == null ? info.defaultValue() : null, identity, info.declaredType(), null, generated));
        }
        return columns;
    }

    @Override
    public String tableDefinition(Connection connection, QualifiedName table) throws SQLException {
        return new SqliteCatalog(connection).tableSql(table.name());
    }

    @Override
    public String generatedColumn(Connection connection, QualifiedName table, String column, String reportedExpression)
            throws SQLException {
        SqliteCatalog catalog = new SqliteCatalog(connection);
        boolean stored = catalog.columns(table.name()).stream()
                .anyMatch(info -> info.name().equals(column) && info.hidden() == 3);
        return generatedClause(SqliteTableText.of(catalog.tableSql(table.name())), column, stored);
    }

    private static String generatedClause(SqliteTableText text, String column, boolean stored) {
        String expression = text.generatedExpression(column);
        return "GENERATED ALWAYS AS (" + (expression == null ? "NULL" : expression) + ")"
                + (stored ? " STORED" : " VIRTUAL");
    }

    /** An {@code INTEGER PRIMARY KEY AUTOINCREMENT} column, with the next value {@code sqlite_sequence} gives it. */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        Long next = new SqliteCatalog(connection).nextAutoincrement(table.name());
        return next == null ? null : new Identity(false, 1, 1, next);
    }

    /**
     * Sets the table's row of {@code sqlite_sequence}, which loading the rows made (or not, for an empty table), to
     * what it was in the source. Nothing where the source had handed out no value yet.
     */
    @Override
    public String restartIdentity(QualifiedName table, String column, Identity identity) {
        if (identity.next() <= 1) {
            return null;
        }
        String name = quoteLiteral(table.name());
        return "DELETE FROM sqlite_sequence WHERE name = " + name + ";\n"
                + "INSERT INTO sqlite_sequence (name, seq) VALUES (" + name + ", " + (identity.next() - 1) + ")";
    }

    /**
     * {@code PRIMARY KEY AUTOINCREMENT}, after the type {@link #identityType} declares: in SQLite a column is an
     * identity by being its table's {@code INTEGER PRIMARY KEY} (the rowid); AUTOINCREMENT keeps its position in
     * {@code sqlite_sequence}, which {@link #restartIdentity} sets, so that the next id is the source's next value
     * (without it SQLite would take the largest id plus one).
     */
    @Override
    public String identityClause(Identity identity) {
        return "PRIMARY KEY AUTOINCREMENT";
    }

    /** Only an integer column that alone is its table's primary key can be the rowid. */
    @Override
    public String identityLimit(PortableType type, boolean onlyKeyColumn) {
        if (!INTEGERS.contains(type.family())) {
            return "only an INTEGER PRIMARY KEY can be one in sqlite, and its type is " + type.describe();
        }
        return onlyKeyColumn ? null : "only an INTEGER PRIMARY KEY can be one in sqlite, and it is not its table's"
                + " primary key alone";
    }

    /**
     * {@code INTEGER}, whatever the source's width: only that name makes the rowid, whose 64 bits hold every value of
     * any integer type. AUTOINCREMENT steps by 1.
     */
    @Override
    public TargetType identityType(PortableType type, Identity identity) {
        return identity.increment() == 1 ? TargetType.exact("INTEGER")
                : TargetType.lossy("INTEGER", "AUTOINCREMENT steps by 1, not by " + identity.increment());
    }

    /**
     * {@code CAST(column AS NUMERIC)}. An exact decimal is kept as text (DECIMAL_TEXT), and SQLite compares a TEXT
     * column with a number as text: {@code amount >= 5} refuses {@code '10'}, and {@code amount >= 0} refuses
     * {@code '-1'} only because {@code '-'} sorts before {@code '0'}. Cast to NUMERIC, the text is compared as the
     * integer it is, or else as the nearest double (SQLite has no decimal arithmetic): the check keeps its meaning,
     * exact to about 15 significant digits, and the stored values keep every digit.
     */
    @Override
    public String decimalOperand(String column) {
        return "CAST(" + column + " AS NUMERIC)";
    }

    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        return new SqliteCatalog(connection).uniqueKeys(table.name());
    }

    /** The CHECK constraints of the CREATE TABLE text; SQLite names only those declared with a name. */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        List<CheckConstraint> checks = new ArrayList<>();
        List<String[]> found = SqliteTableText.of(new SqliteCatalog(connection).tableSql(table.name())).checks();
        for (int i = 0; i < found.size(); i++) {
            String name = found.get(i)[0] != null ? found.get(i)[0] : table.name() + "_check" + (i + 1);
            checks.add(new CheckConstraint(name, found.get(i)[1]));
        }
        return checks;
    }

    /** SQLite has no comments on tables and columns. */
    @Override
    public String comment(Comment comment) {
        return null;
    }

    /**
     * The foreign keys as SQLite reports them ({@code PRAGMA foreign_key_list}), each on its own, with their names
     * from the CREATE TABLE text: the driver reports every key of a table with the same empty name.
     */
    @Override
    public List<ForeignKey> foreignKeys(Connection connection, QualifiedName table, List<ForeignKey> reported)
            throws SQLException {
        return new SqliteCatalog(connection).foreignKeys(table);
    }

    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return new SqliteCatalog(connection).indexes(table.name());
    }

    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        return Set.of();
    }

    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        return new SqliteCatalog(connection).views();
    }

    /** The view's own CREATE VIEW statement, which {@link #views} keeps in place of its query. */
    @Override
    public String createView(View view) {
        return createViewAsKept(view);
    }

    /**
     * The triggers as written, then the header's {@code user_version} and {@code application_id}: last, so that the
     * imported database says its schema version only once it is complete.
     */
    @Override
    public List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        SqliteCatalog catalog = new SqliteCatalog(connection);
        List<String> statements = new ArrayList<>(catalog.triggers());
        statements.addAll(catalog.headerSettings());
        return statements;
    }

    /** Attached databases, which are not exported. */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return new SqliteCatalog(connection).attachedDatabases().stream()
                .map(name -> "Attached database " + name + " is not exported (Ferry exports the main database only)")
                .toList();
    }

    /** SQLite has no sequences; an AUTOINCREMENT column's position is carried with its table. */
    @Override
    public List<Sequence> sequences(Connection connection, SchemaScope scope) {
        return List.of();
    }

    @Override
    public String dropTable(QualifiedName table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }
}
