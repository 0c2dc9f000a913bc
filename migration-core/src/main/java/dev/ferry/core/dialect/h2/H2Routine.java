package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A user-defined H2 function or aggregate as INFORMATION_SCHEMA.ROUTINES describes it (an overloaded alias is listed
 * once per method).
 *
 * @param javaMethod    the class and method ({@code FOR '...'}), or null
 * @param javaSource    the Java source ({@code AS '...'}), or null (also where H2 hides it from a non-administrator)
 */
record H2Routine(QualifiedName name, boolean aggregate, boolean deterministic, String javaMethod, String javaSource) {

    /** Every routine H2 lists as user-defined (ROUTINE_BODY 'EXTERNAL'), system schemas included. */
    static List<H2Routine> list(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, "SELECT ROUTINE_SCHEMA, ROUTINE_NAME,"
                + " ROUTINE_TYPE, EXTERNAL_NAME, ROUTINE_DEFINITION, IS_DETERMINISTIC FROM INFORMATION_SCHEMA.ROUTINES"
                + " WHERE ROUTINE_BODY = 'EXTERNAL' ORDER BY 1, 2",
                row -> new H2Routine(new QualifiedName(row.getString(1), row.getString(2)),
                        "AGGREGATE".equals(row.getString(3)), "YES".equals(row.getString(6)), row.getString(4),
                        row.getString(5)));
    }

    /** Whether its definition can be written: a method, a class, or source the user may read. */
    boolean isReadable() {
        return javaMethod != null || javaSource != null;
    }

    /** CREATE AGGREGATE ... FOR, or CREATE ALIAS ... FOR or AS. */
    String createStatement(Dialect dialect) {
        String name = dialect.quote(this.name);
        if (aggregate) {
            return "CREATE AGGREGATE " + name + " FOR " + dialect.quoteLiteral(javaMethod);
        }
        return "CREATE ALIAS " + name + (deterministic ? " DETERMINISTIC" : "")
                + (javaMethod != null ? " FOR " + dialect.quoteLiteral(javaMethod) : " AS " + dialect.quoteLiteral(javaSource));
    }
}
