package dev.ferry.core.operation.translate;

import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL's enum types ({@code CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', ...)}, Sakila's) resolved for
 * another engine: a column of an enum is a {@code varchar} as long as its longest label, with a CHECK that
 * allows its labels alone, so that it holds what it held and refuses what it refused. What it loses, its labels' order
 * ({@code ORDER BY rating} sorts as text there), is in the warning the translation gives of the type.
 */
final class EnumColumns {

    /** An enum type: its name as PostgreSQL's catalog writes it, and its labels in their order. */
    record Enum(String name, List<String> labels) {

        /** The type its columns get: a {@code varchar} of the longest label's length (at least 1). */
        String columnType() {
            return "varchar(" + Math.max(1, labels.stream().mapToInt(String::length).max().orElse(1)) + ")";
        }

        /** The labels as SQL string literals, separated by commas. */
        String literals() {
            return labels.stream().map(label -> "'" + label.replace("'", "''") + "'").collect(Collectors.joining(", "));
        }
    }

    private final Map<String, Enum> enums = new LinkedHashMap<>();

    /** @param types the source's CREATE statements of its types, of which the CREATE TYPE ... AS ENUM ones are read */
    EnumColumns(List<String> types) throws SQLException {
        for (String statement : types) {
            Enum type = enumOf(statement);
            if (type != null) {
                enums.put(type.name(), type);
                enums.putIfAbsent(type.name().substring(type.name().indexOf('.') + 1), type);
            }
        }
    }

    /**
     * {@code table} with each column of an enum written as a {@code varchar} with a CHECK of the labels: a column of a
     * named enum (PostgreSQL's), or of a type that lists its labels ({@code enum('G','PG')}, MariaDB's and DuckDB's),
     * for which a warning naming the column is added to {@code warnings}, as the type's own warning says for a named
     * enum.
     */
    Table resolve(Table table, String target, List<String> warnings) {
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>(table.checks());
        boolean changed = false;
        for (Column column : table.columns()) {
            String declared = column.declaredType() != null ? column.declaredType() : column.typeName();
            Enum type = declared == null ? null : enums.get(declared.replace("\"", ""));
            Enum listed = type == null && declared != null ? listedEnum(declared) : null;
            if (type == null && listed == null || column.isGenerated()) {
                columns.add(column);
                continue;
            }
            if (listed != null) {
                type = listed;
                warnings.add("Column " + table.name() + "." + column.name() + " (" + declared + ") becomes "
                        + type.columnType() + " in " + target + ", with a check allowing its labels alone; it sorts as"
                        + " text there, not in the labels' order");
            }
            changed = true;
            columns.add(new Column(column.name(), type.columnType(), java.sql.Types.VARCHAR, column.size(),
                    column.scale(), column.nullable(), column.defaultExpression(), column.identity(), type.columnType(),
                    column.check(), null));
            checks.add(new CheckConstraint(null, "CHECK (\"" + column.name().replace("\"", "\"\"") + "\" IN ("
                    + type.literals() + "))"));
        }
        return changed ? new Table(table.name(), columns, table.primaryKey(), table.uniqueKeys(), checks,
                table.definition(), table.inheritance()) : table;
    }

    /** The enum a type that lists its labels stands for ({@code enum('a','b')}, any attributes after it), or null. */
    private static Enum listedEnum(String declared) {
        if (!declared.regionMatches(true, 0, "enum", 0, 4)) {
            return null;
        }
        try {
            List<SqlToken> tokens = SqlLexer.tokens(declared, true);
            if (tokens.size() < 3 || !tokens.get(0).isWord("ENUM") || !tokens.get(1).isSymbol("(")) {
                return null;
            }
            List<String> labels = new ArrayList<>();
            for (int i = 2; i < tokens.size() && !tokens.get(i).isSymbol(")"); i++) {
                if (tokens.get(i).kind() == SqlToken.Kind.STRING) {
                    labels.add(tokens.get(i).text());
                } else if (!tokens.get(i).isSymbol(",")) {
                    return null;
                }
            }
            return labels.isEmpty() ? null : new Enum(declared, List.copyOf(labels));
        } catch (SQLException e) {
            return null;
        }
    }

    /** The enum {@code statement} creates ({@code CREATE TYPE name AS ENUM ('a', 'b')}), or null. */
    static Enum enumOf(String statement) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(statement, false);
        CreatedName name = CreatedName.of(tokens, "TYPE");
        int i = name == null ? 0 : name.next();
        if (name == null || i + 2 >= tokens.size() || !tokens.get(i).isWord("AS") || !tokens.get(i + 1).isWord("ENUM")
                || !tokens.get(i + 2).isSymbol("(")) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (i += 3; i < tokens.size() && !tokens.get(i).isSymbol(")"); i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.STRING) {
                labels.add(tokens.get(i).text());
            }
        }
        return new Enum(name.name(), List.copyOf(labels));
    }
}
