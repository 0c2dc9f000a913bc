package dev.ferry.core.dialect.h2;

import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An H2 1.4.200 trigger with its definition as INFORMATION_SCHEMA.TRIGGERS.SQL gives it: {@code CREATE FORCE TRIGGER
 * ... CALL 'class'} or {@code ... AS 'source'} (1.4.200, unlike 2.x, shows the source).
 */
record H2LegacyTrigger(QualifiedName name, String definition) {

    /** Every trigger of the database, system schemas included. */
    static List<H2LegacyTrigger> list(Connection connection) throws SQLException {
        List<H2LegacyTrigger> triggers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, SQL FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1, 2");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                triggers.add(new H2LegacyTrigger(new QualifiedName(rows.getString(1), rows.getString(2)),
                        rows.getString(3)));
            }
        }
        return triggers;
    }

    /** The definition without FORCE, so that a trigger H2 2.x cannot create fails the import instead of hiding. */
    String createStatement() {
        return H2LegacyDialect.withoutForce(definition, "TRIGGER");
    }
}
