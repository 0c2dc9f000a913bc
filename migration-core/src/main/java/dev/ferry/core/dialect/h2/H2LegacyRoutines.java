package dev.ferry.core.dialect.h2;

import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        List<H2Routine> routines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ALIAS_SCHEMA, ALIAS_NAME, JAVA_CLASS,"
                + " JAVA_METHOD, SOURCE FROM INFORMATION_SCHEMA.FUNCTION_ALIASES ORDER BY 1, 2, ID");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                QualifiedName name = new QualifiedName(rows.getString(1), rows.getString(2));
                String javaClass = rows.getString(3);
                String method = rows.getString(4);
                String source = rows.getString(5);
                if (javaClass == null) {
                    routines.add(new H2Routine(name, false, false, null,
                            source == null || source.isEmpty() ? null : source));
                } else if (method == null || method.isEmpty()) {
                    routines.add(new H2Routine(name, true, false, javaClass, null));
                } else {
                    routines.add(new H2Routine(name, false, false, javaClass + "." + method, null));
                }
            }
        }
        return routines;
    }
}
