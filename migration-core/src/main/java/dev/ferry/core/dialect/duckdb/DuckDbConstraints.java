package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table's constraints as DuckDB's {@code duckdb_constraints()} lists them: unique keys, CHECK constraints and foreign
 * keys (primary keys come through the driver's getPrimaryKeys, NOT NULL with the columns). DuckDB 1.x names each
 * constraint and the columns a foreign key refers to; 0.8.1 gives only the constraint's text, which for a foreign key
 * names the referenced table unquoted and is empty where the key refers to its own table.
 */
final class DuckDbConstraints {
    private final QualifiedName table;
    private final List<Constraint> constraints;

    /** One row of duckdb_constraints(); name and references are null where the version does not say. */
    private record Constraint(String type, String text, List<String> columns, String name, String referencedTable,
                              List<String> referencedColumns) {
    }

    private DuckDbConstraints(QualifiedName table, List<Constraint> constraints) {
        this.table = table;
        this.constraints = constraints;
    }

    /** The constraints of {@code table}. */
    static DuckDbConstraints read(Connection connection, DuckDbVersion version, QualifiedName table)
            throws SQLException {
        boolean described = version.describesForeignKeys();
        String sql = "SELECT constraint_type, constraint_text, constraint_column_names"
                + (described ? ", constraint_name, referenced_table, referenced_column_names" : "")
                + " FROM duckdb_constraints() WHERE database_name = current_database() AND schema_name = ?"
                + " AND table_name = ? ORDER BY constraint_index";
        return new DuckDbConstraints(table, CatalogQuery.list(connection, sql, row -> new Constraint(
                row.getString(1), row.getString(2), DuckDbCatalog.strings(row, "constraint_column_names"),
                described ? row.getString(4) : null, described ? row.getString(5) : null,
                described ? DuckDbCatalog.strings(row, "referenced_column_names") : null),
                table.schema(), table.name()));
    }

    /** UNIQUE constraints, with their columns in order. */
    List<KeyConstraint> uniqueKeys() {
        return constraints.stream().filter(c -> c.type().equals("UNIQUE"))
                .map(c -> new KeyConstraint(c.name(), c.columns())).toList();
    }

    /**
     * CHECK constraints as DuckDB writes them ({@code CHECK((n > 0))}); named as 1.x names them, else after the table
     * (DuckDB does not keep the names given in CREATE TABLE: it names them itself).
     */
    List<CheckConstraint> checks() {
        List<CheckConstraint> checks = new ArrayList<>();
        for (Constraint c : constraints) {
            if (c.type().equals("CHECK")) {
                String name = c.name() != null ? c.name() : table.name() + "_check_" + (checks.size() + 1);
                checks.add(new CheckConstraint(name, c.text()));
            }
        }
        return checks;
    }

    /**
     * The foreign keys; those whose referenced columns cannot be told (a key of 0.8.1 that refers to its own table
     * when the table has several keys of its width) are left out with a warning.
     *
     * @param tables   the names of the tables in the table's schema (DuckDB's foreign keys stay within a schema)
     * @param warnings where to say what was left out
     */
    List<ForeignKey> foreignKeys(Set<String> tables, List<String> warnings) {
        List<ForeignKey> keys = new ArrayList<>();
        for (Constraint c : constraints) {
            if (!c.type().equals("FOREIGN KEY")) {
                continue;
            }
            if (c.referencedTable() != null) {
                keys.add(new ForeignKey(c.name(), table, c.columns(),
                        new QualifiedName(table.schema(), c.referencedTable()), c.referencedColumns(), null, null));
            } else if (c.text() == null || c.text().isBlank()) {
                ForeignKey key = toItself(c.columns());
                if (key == null) {
                    warnings.add("Foreign key (" + String.join(", ", c.columns()) + ") of " + table + " refers to "
                            + table + " itself, and DuckDB 0.8 does not say to which of its keys; it is not exported");
                } else {
                    keys.add(key);
                }
            } else {
                ForeignKey key = parsed(c, tables);
                if (key == null) {
                    warnings.add("Foreign key " + c.text() + " of " + table + " cannot be read; it is not exported");
                } else {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** A key of 0.8.1 that refers to its own table: to its primary key, else its only unique key, of the key's width. */
    private ForeignKey toItself(List<String> columns) {
        List<List<String>> candidates = new ArrayList<>();
        for (String type : List.of("PRIMARY KEY", "UNIQUE")) {
            for (Constraint c : constraints) {
                if (c.type().equals(type) && c.columns().size() == columns.size()) {
                    candidates.add(c.columns());
                }
            }
            if (candidates.size() == 1) {
                return new ForeignKey(null, table, columns, table, candidates.get(0), null, null);
            }
            if (!candidates.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** {@code FOREIGN KEY (a, "b c") REFERENCES other(x, y)}, the referenced table's name written unquoted. */
    private ForeignKey parsed(Constraint c, Set<String> tables) {
        String text = c.text();
        int references = text.indexOf(" REFERENCES ");
        int open = text.lastIndexOf('(');
        if (references < 0 || open < references || !text.endsWith(")")) {
            return null;
        }
        String referenced = text.substring(references + " REFERENCES ".length(), open).strip();
        String prefix = table.schema() + ".";
        if (!tables.contains(referenced) && referenced.startsWith(prefix)) {
            referenced = referenced.substring(prefix.length());
        }
        if (!tables.contains(referenced)) {
            return null;
        }
        List<String> referencedColumns = identifiers(text.substring(open + 1, text.length() - 1));
        return new ForeignKey(null, table, c.columns(), new QualifiedName(table.schema(), referenced),
                referencedColumns, null, null);
    }

    /** A list of identifiers separated by commas, each plain or in double quotes (a quote doubled inside). */
    static List<String> identifiers(String list) {
        return identifiers(list, ',');
    }

    /** Identifiers separated by {@code separator}, each plain or in double quotes (a quote doubled inside). */
    static List<String> identifiers(String list, char separator) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < list.length() && list.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    name.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                names.add(name.toString());
                name.setLength(0);
            } else if (!Character.isWhitespace(ch)) {
                name.append(ch);
            }
        }
        names.add(name.toString());
        return names;
    }
}
