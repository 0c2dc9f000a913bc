package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CHECK constraint as information_schema.CHECK_CONSTRAINTS describes it. A column-level check (declared with its
 * column) is named after the column; a table-level one may not share a name with it.
 *
 * @param name        the constraint's name
 * @param columnLevel whether it was declared with a column ({@code LEVEL = 'Column'})
 * @param clause      the condition, as MariaDB writes it
 */
record MariaDbCheck(String name, boolean columnLevel, String clause) {

    /**
     * The table's CHECK constraints by name, in the order information_schema lists them, which is the order they
     * were declared in (and are checked in, which decides the one an error names).
     */
    static Map<String, MariaDbCheck> of(Connection connection, QualifiedName table) throws SQLException {
        Map<String, MariaDbCheck> checks = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE"
                + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE())"
                + " AND TABLE_NAME = ?",
                row -> checks.put(row.getString(1), new MariaDbCheck(row.getString(1),
                        "Column".equalsIgnoreCase(row.getString(2)), row.getString(3))),
                table.schema(), table.name());
        return checks;
    }

    /** Whether this is the check that makes a LONGTEXT column JSON: {@code json_valid(`column`)}, with the column. */
    boolean isJson() {
        return columnLevel && clause.equalsIgnoreCase("json_valid(" + MariaDbSqlText.identifier(name) + ")");
    }
}
