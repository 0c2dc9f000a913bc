package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's unique keys, indexes and CHECK constraints as information_schema describes them (see the methods of
 * {@link MariaDbDialect} of the same names for what each leaves to the others).
 */
final class MariaDbConstraints {

    private MariaDbConstraints() {
    }

    /** The unique indexes that CREATE TABLE's UNIQUE (columns) can declare: none descending, none on prefixes. */
    static List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        List<KeyConstraint> keys = new ArrayList<>();
        for (MariaDbIndex index : MariaDbIndex.of(connection, table).values()) {
            if (index.unique() && !index.name().equals("PRIMARY") && index.plain()
                    && index.parts().stream().noneMatch(p -> p.descending() || p.prefix() > 0)) {
                keys.add(new KeyConstraint(index.name(),
                        index.parts().stream().map(MariaDbIndex.Part::column).toList()));
            }
        }
        return keys;
    }

    /**
     * The indexes not to export as plain indexes: the primary key's, those of {@code uniqueKeys}, and FULLTEXT and
     * SPATIAL ones.
     */
    static Set<String> keyIndexNames(Connection connection, QualifiedName table, List<KeyConstraint> uniqueKeys)
            throws SQLException {
        Set<String> names = new HashSet<>();
        names.add("PRIMARY");
        for (KeyConstraint key : uniqueKeys) {
            names.add(key.name());
        }
        for (MariaDbIndex index : MariaDbIndex.of(connection, table).values()) {
            if (!index.plain()) {
                names.add(index.name());
            }
        }
        return names;
    }

    /**
     * The driver's indexes with the prefix lengths of their columns, then the FULLTEXT and SPATIAL indexes, which the
     * index model describes by their CREATE statement alone (MariaDB's own).
     */
    static List<Index> indexes(Connection connection, QualifiedName table, List<Index> reported) throws SQLException {
        Map<String, MariaDbIndex> described = MariaDbIndex.of(connection, table);
        List<Index> indexes = new ArrayList<>();
        for (Index index : reported) {
            MariaDbIndex parts = described.get(index.name());
            if (parts == null || parts.parts().size() != index.columns().size()) {
                indexes.add(index);
                continue;
            }
            List<Index.IndexColumn> columns = new ArrayList<>();
            for (int i = 0; i < parts.parts().size(); i++) {
                Index.IndexColumn column = index.columns().get(i);
                columns.add(new Index.IndexColumn(column.name(), column.descending(), parts.parts().get(i).prefix()));
            }
            indexes.add(new Index(index.name(), index.table(), index.unique(), columns, null));
        }
        for (MariaDbIndex index : described.values()) {
            if (!index.plain()) {
                indexes.add(new Index(index.name(), table, false, List.of(), index.createStatement(table)));
            }
        }
        return indexes;
    }

    /** The table-level CHECK constraints, and the column-level ones whose column no longer has their name. */
    static List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        Set<String> columns = new HashSet<>(CatalogQuery.list(connection, "SELECT COLUMN_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
                + " AND IS_GENERATED <> 'ALWAYS'",
                row -> row.getString(1), table.schema(), table.name()));
        List<CheckConstraint> constraints = new ArrayList<>();
        for (MariaDbCheck check : MariaDbCheck.of(connection, table).values()) {
            if (!check.columnLevel() || !columns.contains(check.name())) {
                constraints.add(new CheckConstraint(check.name(), "CHECK (" + check.clause() + ")"));
            }
        }
        return constraints;
    }
}
