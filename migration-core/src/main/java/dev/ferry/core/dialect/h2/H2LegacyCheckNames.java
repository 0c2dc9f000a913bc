package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Names for the checks H2 1.4.200 keeps with columns, which have none: {@code <table>_<column>_CHECK}, numbered
 * where another constraint of the schema has that name. Left unnamed, H2 2.x would name each while creating its
 * table, and might take a name that a constraint created after it (a primary key of that same table) is exported
 * with.
 */
final class H2LegacyCheckNames {

    private H2LegacyCheckNames() {
    }

    /** The name of each checked column of {@code table}, by column, the same whichever table of its schema asks. */
    static Map<String, String> of(Connection connection, QualifiedName table) throws SQLException {
        Set<String> taken = new HashSet<>();
        CatalogQuery.forEach(connection,
                "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                row -> taken.add(row.getString(1)), table.schema());
        Map<String, String> names = new HashMap<>();
        CatalogQuery.forEach(connection, "SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND CHECK_CONSTRAINT <> ''"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION", row -> {
                    String base = row.getString(1) + "_" + row.getString(2) + "_CHECK";
                    String name = base;
                    for (int n = 2; !taken.add(name); n++) {
                        name = base + "_" + n;
                    }
                    if (row.getString(1).equals(table.name())) {
                        names.put(row.getString(2), name);
                    }
                }, table.schema());
        return names;
    }
}
