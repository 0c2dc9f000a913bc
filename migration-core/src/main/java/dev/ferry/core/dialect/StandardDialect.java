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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Standard SQL: the generic fallback for any engine, and the base of every engine's dialect. */
public class StandardDialect implements Dialect {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PG_CATALOG", "SYS", "SYSTEM",
            "MYSQL", "PERFORMANCE_SCHEMA");

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
    public String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public boolean isSystemSchema(String schema) {
        return schema != null && SYSTEM_SCHEMAS.contains(schema.toUpperCase(Locale.ROOT));
    }

    @Override
    public Set<String> tableTypes() {
        return Set.of("TABLE", "BASE TABLE");
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

    @Override
    public List<String> notCarried(Connection connection) throws SQLException {
        return List.of();
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
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tc.CONSTRAINT_NAME, kcu.COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
                        + " ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " AND kcu.TABLE_NAME = tc.TABLE_NAME"
                        + " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?"
                        + " ORDER BY tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        } catch (SQLException noInformationSchema) {
            return List.of();
        }
        List<KeyConstraint> constraints = new ArrayList<>();
        keys.forEach((name, columns) -> constraints.add(new KeyConstraint(name, columns)));
        return constraints;
    }

    /** CHECK constraints from the standard INFORMATION_SCHEMA views; none where the engine lacks them. */
    @Override
    public List<String> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                        + " WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY 1")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException noInformationSchema) {
            return List.of();
        }
        return names;
    }

    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        return reported;
    }

    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        return Set.of();
    }

    /** Sequences from the standard INFORMATION_SCHEMA.SEQUENCES view, where the engine has it. */
    @Override
    public List<QualifiedName> sequences(Connection connection) throws SQLException {
        List<QualifiedName> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!isSystemSchema(rows.getString(1))) {
                    sequences.add(new QualifiedName(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return sequences;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(1000);
        return statement;
    }

    @Override
    public String insert(String table, List<String> columns, List<ValueKind> kinds) {
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
    public String dropSequence(QualifiedName sequence) {
        return "DROP SEQUENCE IF EXISTS " + quote(sequence);
    }
}
