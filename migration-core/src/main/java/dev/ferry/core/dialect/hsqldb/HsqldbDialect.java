package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HSQLDB (HyperSQL) 2.x, tested with 2.5.2 and 2.7.4. Its catalog is the standard INFORMATION_SCHEMA, which
 * {@link StandardDialect} reads; this dialect adds what HSQLDB says in its own way. An export reads at the default
 * REPEATABLE READ, which HSQLDB keeps as a snapshot under MVCC and by holding read locks to the end under its default
 * 2PL (a writer then waits, or the export fails with a serialization error; it never reads half a change).
 */
public class HsqldbDialect extends StandardDialect {

    public HsqldbDialect() {
        super(Capabilities.builder()
                .defaultSchema("PUBLIC")
                .setNullOnNotNullKey(false)
                .build());
    }
    private static final Pattern GENERATED_NAME = Pattern.compile("SYS_(PK|CT|FK|REF|IDX)_\\d+");

    /** Read by {@link #prepareSession}, for the one export this dialect instance serves; null where not read. */
    private HsqldbIdentityPositions identityPositions;

    /** HSQLDB's errors for an object name that exists (42504) and for a second primary key (42532). */
    @Override
    public boolean alreadyExists(SQLException e) {
        return Set.of("42504", "42532").contains(e.getSQLState());
    }

    /** CHAR(n) without the spaces HSQLDB pads it with: see {@link StandardDialect#unpaddedColumn}. */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        return unpaddedColumn(column, jdbcType);
    }

    @Override
    public String name() {
        return "hsqldb";
    }

    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "HSQL Database Engine".equals(metaData.getDatabaseProductName());
    }

    /**
     * As declared, of type BIGINT where no type is given and its bounds pass INTEGER's: an HSQLDB sequence is an
     * INTEGER unless told otherwise, and refuses PostgreSQL's MAXVALUE 9223372036854775807 ("number out of the valid
     * range for sequence generator").
     */
    @Override
    public String createSequence(Sequence sequence) {
        boolean integer = sequence.minimum() >= Integer.MIN_VALUE && sequence.maximum() <= Integer.MAX_VALUE;
        return super.createSequence(sequence.dataType() != null || integer ? sequence
                : new Sequence(sequence.name(), "BIGINT", sequence.start(), sequence.increment(), sequence.minimum(),
                        sequence.maximum(), sequence.cycle(), sequence.next(), sequence.ownedBy(), sequence.cache()));
    }

    /**
     * None: HSQLDB refuses {@code DEFAULT NEXT VALUE FOR s} (2.5.2 and 2.7.4); a column takes a sequence's values only
     * as an identity on it, which an import from another engine makes of a sequence serving one column alone.
     */
    @Override
    public String nextValue(QualifiedName sequence) {
        return null;
    }

    /** SYSTEM_LOBS holds HSQLDB's own store of large objects. */
    @Override
    public boolean isSystemSchema(String schema) {
        return super.isSystemSchema(schema) || "SYSTEM_LOBS".equals(schema);
    }

    @Override
    public PortableType portableType(Column column) {
        return HsqldbTypes.portable(column);
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return HsqldbTypes.declare(type);
    }

    /**
     * Each column's type as HSQLDB declares it (the driver reports no lengths of arrays, no fractional digits of
     * temporal types, and a distinct type's name for its columns), with its collation; those fractional digits as
     * the column's scale; NOT NULL as declared (the driver reports it for every primary key column too).
     */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        return refined(reported, HsqldbColumn.of(connection, table), HsqldbColumn::name, (c, own) ->
                new Column(c.name(), c.typeName(), c.jdbcType(), c.size(),
                        own.fraction() >= 0 ? own.fraction() : c.scale(), own.nullable(), c.defaultExpression(),
                        c.identity(), own.declared() + (own.collation() == null ? "" : " COLLATE " + quote(own.collation())),
                        c.check(), c.generated()));
    }

    /**
     * Intervals and bit strings (the driver calls intervals VARCHAR, and BIT(n) BIT, read as booleans) in HSQLDB's
     * own text, which it reads back exactly.
     */
    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName;
        if (name.startsWith("INTERVAL") || name.startsWith("BIT VARYING")
                || name.startsWith("BIT(") && !name.startsWith("BIT(1)")) {
            return ValueKind.ENGINE_TEXT;
        }
        return super.valueKind(jdbcType, typeName);
    }

    /** A result's BIT columns are told apart by their precision: BIT(1) is a boolean, a longer one a bit string. */
    @Override
    public List<ValueKind> valueKinds(ResultSetMetaData metaData) throws SQLException {
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String name = metaData.getColumnTypeName(i);
            kinds.add(valueKind(metaData.getColumnType(i),
                    name.equals("BIT") ? "BIT(" + metaData.getPrecision(i) + ")" : name));
        }
        return kinds;
    }

    /**
     * Dates and timestamps as their text: HSQLDB's drivers (2.5.2 and 2.7.4) store a LocalDate, LocalDateTime or
     * OffsetDateTime before 1582-10-15 moved by the days between the Julian and Gregorian calendars (0001-01-01 becomes
     * 0001-01-03); their text is stored as it is.
     */
    @Override
    public void bind(PreparedStatement statement, int parameter, ValueKind kind, Object value) throws SQLException {
        if (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP || kind == ValueKind.TIMESTAMP_WITH_TIME_ZONE) {
            statement.setString(parameter, kind.format(value));
        } else {
            super.bind(statement, parameter, kind, value);
        }
    }

    /**
     * Not OTHER (serialized Java objects), nor arrays other than those of numbers, booleans, text and dates, whose
     * elements' text Ferry's array form carries back as they were.
     */
    @Override
    public boolean canCarry(Column column) {
        String type = column.declaredType() != null ? column.declaredType() : column.typeName();
        return !type.equals("OTHER") && super.canCarry(column) && (column.jdbcType() != Types.ARRAY
                || HsqldbTypes.portable(column).family() == TypeFamily.ARRAY);
    }

    /**
     * The identity columns' positions, read before the export's transaction begins: HSQLDB's SCRIPT, which shows them,
     * commits the transaction it runs in and is refused in a read-only one. Read only in autocommit mode, so that no
     * transaction of the caller's is committed; null where they were not read. Results larger than
     * {@link HsqldbResultRows#IN_MEMORY} rows are kept on disk rather than in the heap.
     */
    @Override
    public SessionSettings prepareSession(Connection connection) throws SQLException {
        identityPositions = connection.getAutoCommit() && !connection.isReadOnly()
                ? HsqldbIdentityPositions.read(connection).orElse(null) : null;
        SessionSettings resultRows = HsqldbResultRows.limit(connection);
        return () -> {
            identityPositions = null;
            resultRows.close();
        };
    }

    /** Whether {@link #prepareSession} could read the identity columns' positions. */
    boolean identityPositionsRead() {
        return identityPositions != null;
    }

    /**
     * From INFORMATION_SCHEMA.COLUMNS, its position from {@link #prepareSession}, or past the largest value the
     * snapshot holds where that is further on (a row inserted in between) or the position is unknown (a warning
     * says so). An identity that takes its values from a named sequence is none here (a warning says so).
     */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        HsqldbColumn own = HsqldbColumn.of(connection, table).stream().filter(c -> c.name().equals(column))
                .findFirst().orElse(null);
        if (own == null || own.identityGeneration() == null || usesSequence(connection, table, column)) {
            return null;
        }
        long start = own.identityStart();
        long increment = own.identityIncrement();
        long next = afterLargest(connection, table, column, start, increment);
        Long position = identityPositions == null ? null : identityPositions.next(table, column);
        if (position != null) {
            next = increment > 0 ? Math.max(next, position) : Math.min(next, position);
        }
        return new Identity("ALWAYS".equals(own.identityGeneration()), start, increment, next);
    }

    private static boolean usesSequence(Connection connection, QualifiedName table, String column)
            throws SQLException {
        return CatalogQuery.first(connection, "SELECT 1 FROM"
                + " INFORMATION_SCHEMA.SYSTEM_COLUMN_SEQUENCE_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND COLUMN_NAME = ?", row -> Boolean.TRUE, table.schema(), table.name(), column).isPresent();
    }

    private long afterLargest(Connection connection, QualifiedName table, String column, long start, long increment)
            throws SQLException {
        String extreme = increment > 0 ? "MAX" : "MIN";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + extreme + "(" + quoteIdentifier(column) + ") FROM " + quote(table));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long last = rows.getLong(1);
            return rows.wasNull() ? start : increment > 0 ? Math.max(start, last + increment)
                    : Math.min(start, last + increment);
        }
    }

    /**
     * Declared BY DEFAULT while the data loads: HSQLDB takes explicit values in a GENERATED ALWAYS column only with
     * OVERRIDING SYSTEM VALUE, which it refuses for a table without identity column. {@link #restartIdentity} makes it
     * ALWAYS afterwards.
     */
    @Override
    public String identityClause(Identity identity) {
        return super.identityClause(new Identity(false, identity.start(), identity.increment(), identity.next()));
    }

    /**
     * For a GENERATED ALWAYS identity, the column declared again as one (HSQLDB sets an identity's generation in no
     * other way), then its position.
     */
    @Override
    public String restartIdentity(QualifiedName table, Column column) {
        String restart = restartIdentity(table, column.name(), column.identity());
        if (!column.identity().always()) {
            return restart;
        }
        String type = column.declaredType() != null ? column.declaredType() : columnType(column);
        return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quoteIdentifier(column.name()) + " " + type + " "
                + super.identityClause(column.identity()) + ";\n" + restart;
    }

    /** Table checks, without HSQLDB's NOT NULL constraints (which the columns carry), written without qualifiers. */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint check : super.checkConstraints(connection, table)) {
            String condition = check.definition().substring("CHECK (".length(), check.definition().length() - 1);
            if (!HsqldbExpressions.isNotNull(condition)) {
                checks.add(new CheckConstraint(check.name(),
                        "CHECK (" + HsqldbExpressions.unqualified(condition, table) + ")"));
            }
        }
        return checks;
    }

    /** The generation expression without the qualifiers HSQLDB puts before its columns. */
    @Override
    public String generatedColumn(Connection connection, QualifiedName table, String column, String reportedExpression)
            throws SQLException {
        return HsqldbExpressions.unqualified(super.generatedColumn(connection, table, column, reportedExpression), table);
    }

    /**
     * HSQLDB's own names ({@code SYS_PK_10094}, {@code SYS_CT_10101}, {@code SYS_FK_10105}): its SCRIPT leaves them
     * out, and so do the scripts, since the target numbers the names it makes itself anew and may have made the same
     * one. A name a user gave (even {@code SYS_MYCHECK}) is kept, as SCRIPT keeps it.
     */
    @Override
    public boolean isGeneratedConstraintName(String name) {
        return GENERATED_NAME.matcher(name).matches();
    }

    /** HSQLDB names the indexes that back primary, unique and foreign keys in SYSTEM_KEY_INDEX_USAGE. */
    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        Set<String> names = new HashSet<>();
        CatalogQuery.forEach(connection, "SELECT u.INDEX_NAME FROM"
                + " INFORMATION_SCHEMA.SYSTEM_KEY_INDEX_USAGE u JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
                + " ON c.CONSTRAINT_SCHEMA = u.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = u.CONSTRAINT_NAME"
                + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ?", row -> names.add(row.getString(1)),
                table.schema(), table.name());
        return names;
    }

    /** HSQLDB keeps a sequence's next value in INFORMATION_SCHEMA.SEQUENCES.NEXT_VALUE. */
    @Override
    protected long nextSequenceValue(Connection connection, QualifiedName sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT NEXT_VALUE FROM"
                + " INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?")) {
            statement.setString(1, sequence.schema());
            statement.setString(2, sequence.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Long.parseLong(rows.getString(1));
            }
        }
    }

    /**
     * Each view as its query, or, where HSQLDB's view names its columns otherwise than its query does, as its whole
     * {@code CREATE VIEW name (columns) AS query}.
     */
    @Override
    public List<View> views(Connection connection, SchemaScope scope) throws SQLException {
        List<View> views = new ArrayList<>();
        for (View view : super.views(connection, scope)) {
            List<String> columns = HsqldbViewColumns.renamed(connection, view);
            views.add(columns.isEmpty() ? view : new View(view.name(), "CREATE VIEW " + quote(view.name()) + " ("
                    + String.join(", ", columns.stream().map(this::quoteIdentifier).toList()) + ") AS "
                    + view.query(), false, view.dependsOn()));
        }
        return views;
    }

    @Override
    public String createView(View view) {
        return createViewAsKept(view);
    }

    /** The results are read through {@link HsqldbResults}, which reads what HSQLDB 2.5.2's driver fails to. */
    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        return HsqldbResults.adapt(super.streamingQuery(connection, sql));
    }

    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        return HsqldbWarnings.of(this, connection, scope, super.notCarried(connection, scope));
    }
}
