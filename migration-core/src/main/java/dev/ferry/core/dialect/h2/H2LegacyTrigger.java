package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An H2 1.4.200 trigger with its definition as INFORMATION_SCHEMA.TRIGGERS.SQL gives it: {@code CREATE FORCE TRIGGER
 * ... CALL 'class'} or {@code ... AS 'source'} (1.4.200, unlike 2.x, shows the source).
 */
record H2LegacyTrigger(QualifiedName name, String definition) {

    /** Every trigger of the database, system schemas included. */
    static List<H2LegacyTrigger> list(Connection connection) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, SQL FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1, 2",
                row -> new H2LegacyTrigger(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3)));
    }

    /** The definition without FORCE, so that a trigger H2 2.x cannot create fails the import instead of hiding. */
    String createStatement() {
        return H2LegacyDialect.withoutForce(definition, "TRIGGER");
    }
}
