package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.mariadb.MariaDbSqlModes.ModedStatement;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The procedures and functions of a scope's databases, created again as SHOW CREATE writes them, and dropped (see
 * {@link MariaDbDialect#routines}).
 */
final class MariaDbRoutines {
    private static final String ROUTINES = " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
            + " AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION') ORDER BY 1, 2";

    private final Connection connection;
    private final Dialect dialect;

    /** @param dialect quotes the routines' names */
    MariaDbRoutines(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * A routine of the catalog.
     *
     * @param type    PROCEDURE or FUNCTION
     * @param name    its name, with the database of a scope of named databases
     * @param sqlMode the sql_mode it was created with
     */
    private record Routine(String type, QualifiedName name, String sqlMode) {
    }

    /** CREATE PROCEDURE and CREATE FUNCTION of each routine the exporting user may read, under their sql_modes. */
    List<String> createStatements(SchemaScope scope) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        for (String database : MariaDbQueries.databases(scope)) {
            routines.addAll(MariaDbQueries.list(connection, database, "SELECT ROUTINE_TYPE, ROUTINE_NAME, SQL_MODE"
                    + ROUTINES, row -> new Routine(row.getString(1), new QualifiedName(database, row.getString(2)),
                    row.getString(3))));
        }
        List<ModedStatement> created = new ArrayList<>();
        for (Routine routine : routines) {
            MariaDbQueries.forEachUnprepared(connection, "SHOW CREATE " + routine.type() + " " + dialect.quote(routine.name()),
                    row -> {
                        String definition = row.getString(3);
                        if (definition != null) {
                            created.add(new ModedStatement(routine.sqlMode(), MariaDbShowCreate.withDatabase(
                                    MariaDbShowCreate.withoutDefiner(definition), routine.name().schema())));
                        }
                    });
        }
        return MariaDbSqlModes.underTheirSqlModes(created);
    }

    /** DROP PROCEDURE / FUNCTION IF EXISTS for each routine. */
    List<String> dropStatements(SchemaScope scope) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (String database : MariaDbQueries.databases(scope)) {
            drops.addAll(MariaDbQueries.list(connection, database, "SELECT ROUTINE_TYPE, ROUTINE_NAME" + ROUTINES,
                    row -> "DROP " + row.getString(1) + " IF EXISTS "
                            + dialect.quote(new QualifiedName(database, row.getString(2)))));
        }
        return drops;
    }
}
