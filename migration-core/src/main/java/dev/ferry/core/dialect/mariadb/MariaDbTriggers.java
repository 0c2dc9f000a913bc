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
 * The triggers of a scope's databases, each created again around the body of SHOW CREATE TRIGGER's original statement
 * (see {@link MariaDbDialect#triggers}).
 */
final class MariaDbTriggers {
    private final Connection connection;
    private final Dialect dialect;

    /** @param dialect quotes the triggers' and tables' names */
    MariaDbTriggers(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * A trigger of the catalog, its names with the database of a scope of named databases.
     *
     * @param name    the trigger
     * @param timing  BEFORE or AFTER
     * @param event   INSERT, UPDATE or DELETE
     * @param table   the table it is on
     * @param sqlMode the sql_mode it was created with
     */
    private record Trigger(QualifiedName name, String timing, String event, QualifiedName table, String sqlMode) {
    }

    /** CREATE TRIGGER of each trigger the exporting user may read, in ACTION_ORDER, under their sql_modes. */
    List<String> createStatements(SchemaScope scope) throws SQLException {
        List<Trigger> triggers = new ArrayList<>();
        for (String database : MariaDbQueries.databases(scope)) {
            triggers.addAll(MariaDbQueries.list(connection, database, "SELECT TRIGGER_NAME, ACTION_TIMING,"
                    + " EVENT_MANIPULATION, EVENT_OBJECT_TABLE, SQL_MODE FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() AND ACTION_STATEMENT IS NOT NULL"
                    + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER",
                    row -> new Trigger(new QualifiedName(database, row.getString(1)), row.getString(2),
                            row.getString(3), new QualifiedName(database, row.getString(4)), row.getString(5))));
        }
        List<ModedStatement> created = new ArrayList<>();
        for (Trigger trigger : triggers) {
            MariaDbQueries.forEachUnprepared(connection, "SHOW CREATE TRIGGER " + dialect.quote(trigger.name()),
                    row -> created.add(new ModedStatement(trigger.sqlMode(), "CREATE TRIGGER "
                            + dialect.quote(trigger.name()) + " " + trigger.timing() + " " + trigger.event()
                            + " ON " + dialect.quote(trigger.table()) + " FOR EACH ROW "
                            + MariaDbShowCreate.triggerBody(trigger.name().name(), row.getString(3)))));
        }
        return MariaDbSqlModes.underTheirSqlModes(created);
    }
}
