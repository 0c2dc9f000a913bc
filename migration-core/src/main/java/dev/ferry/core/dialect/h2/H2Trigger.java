package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An H2 trigger as INFORMATION_SCHEMA.TRIGGERS describes it, one row per event.
 *
 * @param javaClass the class implementing it, or null for a trigger written in Java source
 */
record H2Trigger(QualifiedName name, QualifiedName table, String timing, List<String> events, boolean forEachRow,
                 int queueSize, boolean noWait, String javaClass) {

    /** Every trigger of the database, system schemas included. */
    static List<H2Trigger> list(Connection connection) throws SQLException {
        Map<QualifiedName, H2Trigger> triggers = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME,"
                + " EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,"
                + " QUEUE_SIZE, NO_WAIT, JAVA_CLASS, IS_ROLLBACK FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1, 2",
                row -> {
                    QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
                    H2Trigger trigger = triggers.get(name);
                    if (trigger == null) {
                        trigger = new H2Trigger(name, new QualifiedName(row.getString(3), row.getString(4)),
                                row.getString(5), new ArrayList<>(), "ROW".equals(row.getString(7)), row.getInt(8),
                                row.getBoolean(9), row.getString(10));
                        triggers.put(name, trigger);
                    }
                    trigger.events().add(row.getString(6));
                    if (row.getBoolean(11) && !trigger.events().contains("ROLLBACK")) {
                        trigger.events().add("ROLLBACK");
                    }
                });
        return List.copyOf(triggers.values());
    }

    /** The CREATE TRIGGER statement, events in H2's order and ROLLBACK last. */
    String createStatement(Dialect dialect) {
        List<String> ordered = new ArrayList<>(events.stream().filter(e -> !e.equals("ROLLBACK")).toList());
        if (events.contains("ROLLBACK")) {
            ordered.add("ROLLBACK");
        }
        return "CREATE TRIGGER " + dialect.quote(name) + " " + timing + " " + String.join(", ", ordered) + " ON "
                + dialect.quote(table) + (forEachRow ? " FOR EACH ROW" : "") + " QUEUE " + queueSize
                + (noWait ? " NOWAIT" : "") + " CALL " + dialect.quoteLiteral(javaClass);
    }
}
