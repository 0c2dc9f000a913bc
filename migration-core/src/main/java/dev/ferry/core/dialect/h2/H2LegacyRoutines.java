package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * H2 1.4.200's user-defined functions and aggregates, from INFORMATION_SCHEMA.FUNCTION_ALIASES: one row per Java
 * method of an alias, an aggregate as a class without a method. 1.4.200 does not show whether an alias is
 * DETERMINISTIC.
 */
final class H2LegacyRoutines {

    private H2LegacyRoutines() {
    }

    /** Every alias and aggregate, system schemas included. */
    static List<H2Routine> list(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, "SELECT ALIAS_SCHEMA, ALIAS_NAME, JAVA_CLASS,"
                + " JAVA_METHOD, SOURCE FROM INFORMATION_SCHEMA.FUNCTION_ALIASES ORDER BY 1, 2, ID", row -> {
                    QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
                    String javaClass = row.getString(3);
                    String method = row.getString(4);
                    String source = row.getString(5);
                    if (javaClass == null) {
                        return new H2Routine(name, false, false, null,
                                source == null || source.isEmpty() ? null : source);
                    }
                    if (method == null || method.isEmpty()) {
                        return new H2Routine(name, true, false, javaClass, null);
                    }
                    return new H2Routine(name, false, false, javaClass + "." + method, null);
                });
    }
}
