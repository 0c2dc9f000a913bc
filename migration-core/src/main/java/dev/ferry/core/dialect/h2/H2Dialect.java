package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** H2 2.x; {@link H2LegacyDialect} reads H2 1.4. */
public class H2Dialect extends StandardDialect {

    public H2Dialect() {
        super(Capabilities.builder()
                .defaultSchema("PUBLIC")
                .build());
    }

    /**
     * H2's errors for an existing table (42101), index (42111), second primary key (90017), sequence (90035), view
     * (90038), trigger (90041), constraint (90045), function alias (90076), schema (90078) or domain (90119).
     */
    @Override
    public boolean alreadyExists(SQLException e) {
        return Set.of(42101, 42111, 90017, 90035, 90038, 90041, 90045, 90076, 90078, 90119).contains(e.getErrorCode());
    }

    /** CHAR(n) without the spaces H2 pads it with: see {@link StandardDialect#unpaddedColumn}. */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        return unpaddedColumn(column, jdbcType);
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public PortableType portableType(Column column) {
        return H2Types.portable(column);
    }

    @Override
    public TargetType typeFor(PortableType type) {
        return H2Types.declare(type);
    }

    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "H2".equalsIgnoreCase(metaData.getDatabaseProductName()) && metaData.getDatabaseMajorVersion() >= 2;
    }

    /**
     * H2 reports fractional-second digits as the scale of temporal types, and hides them from the type name; it
     * reports UUID as a 16-byte binary type that takes no length, and DECFLOAT as a decimal that takes no scale.
     */
    @Override
    public String columnType(Column column) {
        String type = column.typeName();
        if (type.equals("UUID")) {
            return type;
        }
        if (type.equals("DECFLOAT")) {
            return column.size() > 0 ? type + "(" + column.size() + ")" : type;
        }
        return switch (column.jdbcType()) {
            case Types.TIME, Types.TIMESTAMP -> type + "(" + column.scale() + ")";
            case Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
                    type.replaceFirst(" WITH TIME ZONE$", "(" + column.scale() + ") WITH TIME ZONE");
            default -> super.columnType(column);
        };
    }

    /** H2 keeps an identity column's generator in INFORMATION_SCHEMA.COLUMNS; IDENTITY_BASE is the next value. */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        return CatalogQuery.first(connection,
                "SELECT IDENTITY_GENERATION, IDENTITY_START, IDENTITY_INCREMENT, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                row -> row.getString(1) == null ? null : new Identity("ALWAYS".equals(row.getString(1)),
                        row.getLong(2), row.getLong(3), row.getLong(4)),
                table.schema(), table.name(), column).orElse(null);
    }

    /**
     * Lazy query execution, so that H2 streams a table's rows instead of first copying the whole result to a
     * temporary store (measured: 1,000,000 rows export in 3.0 s instead of 4.5 s). H2 does not report the
     * setting, so it is left alone where the URL turns it on, and turned off again afterwards otherwise.
     */
    @Override
    public SessionSettings prepareSession(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        if (url != null && url.toUpperCase(Locale.ROOT).contains("LAZY_QUERY_EXECUTION=TRUE")) {
            return SessionSettings.NONE;
        }
        setLazy(connection, true);
        return () -> setLazy(connection, false);
    }

    private static void setLazy(Connection connection, boolean lazy) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + lazy);
        }
    }

    /** H2 does not convert nested Object[] parameters into arrays of arrays. */
    @Override
    public boolean canCarry(Column column) {
        return super.canCarry(column) && !column.typeName().contains(" ARRAY ARRAY");
    }

    /** H2 keeps a sequence's next value in INFORMATION_SCHEMA.SEQUENCES.BASE_VALUE. */
    @Override
    protected long nextSequenceValue(Connection connection, QualifiedName sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT BASE_VALUE FROM"
                + " INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?")) {
            statement.setString(1, sequence.schema());
            statement.setString(2, sequence.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** H2 marks the indexes it created for primary, unique and foreign keys as generated. */
    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        Set<String> names = new HashSet<>();
        CatalogQuery.forEach(connection, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_GENERATED", row -> names.add(row.getString(1)),
                table.schema(), table.name());
        return names;
    }

    /** H2 takes a string bound to a JSON column as a JSON string value unless told the text is JSON. */
    @Override
    public String parameterMarker(ValueKind kind) {
        return kind == ValueKind.JSON ? "? FORMAT JSON" : "?";
    }

    /**
     * User-defined functions (CREATE ALIAS, by Java method or by Java source) and aggregates (by Java class), as
     * INFORMATION_SCHEMA.ROUTINES describes them; an overloaded alias is listed once.
     */
    @Override
    public List<String> routines(Connection connection, SchemaScope scope) throws SQLException {
        Set<String> routines = new LinkedHashSet<>();
        for (H2Routine routine : routineList(connection)) {
            if (inScope(routine.name().schema(), scope) && routine.isReadable()) {
                routines.add(routine.createStatement(this));
            }
        }
        return List.copyOf(routines);
    }

    /** The user-defined functions and aggregates of the database, system schemas included. */
    List<H2Routine> routineList(Connection connection) throws SQLException {
        return H2Routine.list(connection);
    }

    /**
     * Triggers implemented by a Java class; INFORMATION_SCHEMA does not show the source of those written in Java
     * source, which {@link #notCarried} names instead.
     */
    @Override
    public List<String> triggers(Connection connection, SchemaScope scope) throws SQLException {
        List<String> triggers = new ArrayList<>();
        for (H2Trigger trigger : H2Trigger.list(connection)) {
            if (trigger.javaClass() != null && inScope(trigger.name().schema(), scope)) {
                triggers.add(trigger.createStatement(this));
            }
        }
        return triggers;
    }

    @Override
    public List<String> dropRoutines(Connection connection, SchemaScope scope) throws SQLException {
        Set<String> drops = new LinkedHashSet<>();
        for (H2Routine routine : routineList(connection)) {
            if (inScope(routine.name().schema(), scope)) {
                drops.add("DROP " + (routine.aggregate() ? "AGGREGATE" : "ALIAS") + " IF EXISTS "
                        + quote(routine.name()));
            }
        }
        return List.copyOf(drops);
    }

    /** Triggers written in Java source, and functions whose source the user may not read. */
    @Override
    public List<String> notCarried(Connection connection, SchemaScope scope) throws SQLException {
        List<String> warnings = unreadableRoutines(connection, scope);
        for (H2Trigger trigger : H2Trigger.list(connection)) {
            if (trigger.javaClass() == null && inScope(trigger.name().schema(), scope)) {
                warnings.add("Trigger " + trigger.name() + " is not exported: it is written in Java source, which"
                        + " H2's INFORMATION_SCHEMA does not show (a trigger implemented by a Java class is carried)");
            }
        }
        return warnings;
    }

    /** Warnings for the functions in {@code scope} whose source the user may not read. */
    List<String> unreadableRoutines(Connection connection, SchemaScope scope) throws SQLException {
        List<String> warnings = new ArrayList<>();
        for (H2Routine routine : routineList(connection)) {
            if (inScope(routine.name().schema(), scope) && !routine.isReadable()) {
                warnings.add("Function " + routine.name() + " is not exported: H2 shows the Java source of a function"
                        + " to administrators only");
            }
        }
        return warnings;
    }

    /** H2 refuses explicit values for GENERATED ALWAYS identity columns unless told to take them. */
    @Override
    protected String overridingIdentity() {
        return "OVERRIDING SYSTEM VALUE ";
    }
}
