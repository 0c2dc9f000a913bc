package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an export leaves out of MariaDB's databases, and what it carries with a caveat, in words (see
 * {@link MariaDbDialect#notCarried}), for one database at a time: the current one, its objects named without it, or a
 * database named by the export, its objects named with it. A routine or trigger body that names its database is
 * warned about only in the first case: the scripts of named databases create the same databases.
 */
final class MariaDbWarnings {
    private static final String NOT_READABLE = " is not exported: the exporting user may not read its definition";

    private final Connection connection;
    private final Dialect dialect;
    /** The database as the qualifier of its objects' names: null for the current one. */
    private final String qualifier;
    /** The current database's name, which a body should not name; null for a database named by the export. */
    private final String database;
    /** What the names of the database's objects start with. */
    private final String in;
    private final List<String> warnings;

    private MariaDbWarnings(Connection connection, Dialect dialect, String qualifier, List<String> warnings)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.qualifier = qualifier;
        this.database = qualifier == null ? connection.getCatalog() : null;
        this.in = qualifier == null ? "" : qualifier + ".";
        this.warnings = warnings;
    }

    /**
     * The warnings for the scope's databases, in order.
     *
     * @param dialect quotes the sequences' names
     */
    static List<String> of(Connection connection, Dialect dialect, SchemaScope scope) throws SQLException {
        List<String> warnings = new ArrayList<>();
        for (String qualifier : MariaDbQueries.databases(scope)) {
            new MariaDbWarnings(connection, dialect, qualifier, warnings).warn();
        }
        return warnings;
    }

    private void warn() throws SQLException {
        routines();
        triggers();
        sequences();
        events();
        charactersTheCatalogCannotShow();
        tables();
        autoIncrementColumnsWithoutKeys();
        primaryKeysOnPrefixes();
    }

    private void forEach(String sql, CatalogQuery.RowAction action) throws SQLException {
        MariaDbQueries.forEach(connection, qualifier, sql, action);
    }

    private void routines() throws SQLException {
        forEach("SELECT ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 2, 1", row -> {
                    String what = capitalized(row.getString(1)) + " " + in + row.getString(2);
                    if (!List.of("PROCEDURE", "FUNCTION").contains(row.getString(1).toUpperCase(Locale.ROOT))) {
                        warnings.add(what + " is not exported (Oracle-mode packages are not carried)");
                    } else {
                        definition(what, row.getString(3));
                    }
                });
    }

    private void triggers() throws SQLException {
        forEach("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_STATEMENT FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1",
                row -> definition("Trigger " + in + row.getString(1) + " on " + in + row.getString(2),
                        row.getString(3)));
    }

    /** A routine's or trigger's definition: null where the exporting user may not read it. */
    private void definition(String what, String definition) {
        if (definition == null) {
            warnings.add(what + NOT_READABLE);
        } else if (database != null && MariaDbSqlText.namesDatabase(definition, database)) {
            warnings.add(what + " names the database " + database + " in its body; the copy still does");
        }
    }

    private void sequences() throws SQLException {
        List<String> sequences = new ArrayList<>();
        forEach("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'SEQUENCE' ORDER BY 1", row -> {
                    sequences.add(row.getString(1));
                    if (row.getString(2) != null && !row.getString(2).isEmpty()) {
                        warnings.add("The comment on sequence " + in + row.getString(1) + " is not exported");
                    }
                });
        for (String sequence : sequences) {
            MariaDbQueries.forEachUnprepared(connection, "SELECT cycle_count FROM "
                    + dialect.quote(new QualifiedName(qualifier, sequence)) + " WHERE cycle_count <> 0",
                    row -> warnings.add("Sequence " + in + sequence + " has cycled " + row.getLong(1) + " time(s); the"
                            + " copy continues from the same value, but counts its rounds (cycle_count) from 0"));
        }
    }

    private void events() throws SQLException {
        forEach("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1",
                row -> warnings.add("Event " + in + row.getString(1) + " is not exported (events are not carried)"));
    }

    private void charactersTheCatalogCannotShow() throws SQLException {
        forEach("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND (DATA_TYPE IN ('enum', 'set') AND COLUMN_TYPE LIKE '%?%' OR COLUMN_DEFAULT LIKE '%?%')"
                + " ORDER BY 1, ORDINAL_POSITION",
                row -> warnings.add("Column " + in + row.getString(1) + "." + row.getString(2) + " has '?' in its default"
                        + " or labels as MariaDB's catalog shows them; where that stands for a character beyond the"
                        + " Basic Multilingual Plane (such as an emoji), which the catalog cannot show, it is exported"
                        + " as '?'"));
    }

    /** System versioning, engines other than InnoDB, partitioning. */
    private void tables() throws SQLException {
        forEach("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, CREATE_OPTIONS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY 1",
                row -> {
                    String name = in + row.getString(1);
                    if ("SYSTEM VERSIONED".equals(row.getString(2))) {
                        warnings.add("Table " + name + " is exported as a plain table: its system versioning and"
                                + " history rows are not carried");
                    }
                    if (row.getString(3) != null && !"InnoDB".equalsIgnoreCase(row.getString(3))) {
                        warnings.add("Table " + name + " uses engine " + row.getString(3)
                                + "; it is created with the target's default engine");
                    }
                    String options = row.getString(4);
                    if (options != null && options.toLowerCase(Locale.ROOT).contains("partitioned")) {
                        warnings.add("Table " + name + " is partitioned; it is created without partitions");
                    }
                });
    }

    /**
     * AUTO_INCREMENT columns that lead no primary key or unique key CREATE TABLE declares (none on prefixes, none
     * descending).
     */
    private void autoIncrementColumnsWithoutKeys() throws SQLException {
        forEach("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c"
                + " WHERE c.TABLE_SCHEMA = DATABASE() AND c.EXTRA LIKE '%auto_increment%' AND NOT EXISTS (SELECT 1"
                + " FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = c.TABLE_SCHEMA"
                + " AND s.TABLE_NAME = c.TABLE_NAME AND s.COLUMN_NAME = c.COLUMN_NAME AND s.SEQ_IN_INDEX = 1"
                + " AND s.NON_UNIQUE = 0 AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS p"
                + " WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME AND p.INDEX_NAME = s.INDEX_NAME"
                + " AND (p.SUB_PART IS NOT NULL OR p.COLLATION = 'D'))) ORDER BY 1",
                row -> warnings.add("AUTO_INCREMENT column " + in + row.getString(1) + "." + row.getString(2) + " leads"
                        + " no primary key or plain unique key, only indexes created after the data; MariaDB will"
                        + " refuse the table's CREATE TABLE on import (not carried yet)"));
    }

    private void primaryKeysOnPrefixes() throws SQLException {
        forEach("SELECT TABLE_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND INDEX_NAME = 'PRIMARY' AND SUB_PART IS NOT NULL GROUP BY TABLE_NAME ORDER BY 1",
                row -> warnings.add("The primary key of " + in + row.getString(1) + " indexes prefixes of its columns;"
                        + " it is exported on the whole columns"));
    }

    /** PROCEDURE as Procedure. */
    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
