package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.execute;
import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign key actions MariaDB cannot hold, from PostgreSQL: {@code ON DELETE SET NULL} on a NOT NULL column (legal in
 * PostgreSQL, failing only when it fires; MariaDB refuses to create it, errno 150) and {@code SET DEFAULT} (which
 * InnoDB drops without a word). The key is carried without the action, with a warning naming the key, its table and
 * the action, both for an export written for MariaDB ({@code DIALECT mariadb}) and for PostgreSQL's own export
 * imported into MariaDB.
 */
class MariaDbForeignKeyActionsIT {
    private final TestServer postgres = TestServer.postgres();
    private final TestServer mariadb = TestServer.mariadb();

    @TempDir
    Path temp;

    @Test
    void exportForMariaDbCarriesTheKeysWithoutTheActions() throws Exception {
        check("DIALECT mariadb");
    }

    @Test
    void postgresExportImportedIntoMariaDbCarriesTheKeysWithoutTheActions() throws Exception {
        check(null);
    }

    private void check(String dialect) throws Exception {
        String source = postgres.createDatabase();
        String target = mariadb.createDatabase();
        Path dir = temp.resolve("fk-actions");
        try {
            List<String> warnings = new ArrayList<>();
            try (Connection c = postgres.connect(source)) {
                execute(c, "CREATE TABLE parent (id INT PRIMARY KEY)",
                        "CREATE TABLE held (id INT PRIMARY KEY, parent_id INT NOT NULL,"
                                + " CONSTRAINT held_parent FOREIGN KEY (parent_id) REFERENCES parent (id)"
                                + " ON DELETE SET NULL ON UPDATE CASCADE)",
                        "CREATE TABLE defaulted (id INT PRIMARY KEY, parent_id INT DEFAULT 1,"
                                + " CONSTRAINT defaulted_parent FOREIGN KEY (parent_id) REFERENCES parent (id)"
                                + " ON DELETE SET DEFAULT)",
                        "CREATE TABLE nullable (id INT PRIMARY KEY, parent_id INT,"
                                + " CONSTRAINT nullable_parent FOREIGN KEY (parent_id) REFERENCES parent (id)"
                                + " ON DELETE SET NULL)",
                        "INSERT INTO parent VALUES (1), (2)", "INSERT INTO held VALUES (10, 2)",
                        "INSERT INTO defaulted VALUES (20, 2)", "INSERT INTO nullable VALUES (30, 2)");
            }
            try (Connection ferry = postgres.connectFerry(source); Statement s = ferry.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'" + (dialect == null ? "" : " (" + dialect + ")"));
                warnings.addAll(warnings(s));
            }
            try (Connection ferry = mariadb.connectFerry(target); Statement s = ferry.createStatement()) {
                s.execute("IMPORT DATABASE '" + dir + "'");
                warnings.addAll(warnings(s));
            }
            String all = String.join("\n", warnings);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("held_parent") && w.contains("held")
                    && w.contains("ON DELETE SET NULL") && w.contains("NOT NULL")), all);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("defaulted_parent") && w.contains("defaulted")
                    && w.contains("ON DELETE SET DEFAULT")), all);
            assertTrue(warnings.stream().noneMatch(w -> w.contains("nullable_parent")), all);
            try (Connection c = mariadb.connect(target)) {
                assertEquals(List.of(
                                List.of("defaulted_parent", "defaulted", "NO ACTION", "RESTRICT"),
                                List.of("held_parent", "held", "CASCADE", "RESTRICT"),
                                List.of("nullable_parent", "nullable", "NO ACTION", "SET NULL")),
                        rows(c, "SELECT CONSTRAINT_NAME, TABLE_NAME, UPDATE_RULE, DELETE_RULE"
                                + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '"
                                + target + "' ORDER BY CONSTRAINT_NAME"));
                assertEquals(List.of(List.of("10", "2")), rows(c, "SELECT id, parent_id FROM held"));
            }
        } finally {
            postgres.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    private static List<String> warnings(Statement statement) throws SQLException {
        List<String> warnings = new ArrayList<>();
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            warnings.add(w.getMessage());
        }
        return warnings;
    }
}
