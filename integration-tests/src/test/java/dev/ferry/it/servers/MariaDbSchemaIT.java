package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.execute;
import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.verify.DataComparison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A MariaDB schema with awkward names, defaults, keys, foreign keys, indexes, AUTO_INCREMENT positions, CHECK
 * constraints, comments, sequences, views, procedures, functions and triggers, exported and imported into a fresh
 * database, compared through information_schema queries of its own (not Ferry's), SHOW CREATE TABLE and row by row.
 * What Ferry does not carry must be named in warnings, and must not stop the import.
 */
class MariaDbSchemaIT {
    private final TestServer server = TestServer.mariadb();

    @TempDir
    Path temp;

    /** Every table name of the schema below, quoted. */
    private static final List<String> TABLES = List.of("`Parent Table`", "`child.rows`", "`a`", "`b`", "`counters`",
            "`empty_ai`", "`keyless`", "`Sélect ``quoted`` . name`", "`docs`", "`like_1`", "`like~1`", "`orders`",
            "`order log`");

    static void createSchema(Connection c) throws SQLException {
        execute(c,
                "CREATE TABLE `Parent Table` (`Id` INT NOT NULL, `select` VARCHAR(20) NOT NULL DEFAULT 'it''s \"x\"',"
                        + " `ünï.cødé` DECIMAL(20,5) NOT NULL DEFAULT 0.5,"
                        + " `back``tick` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),"
                        + " created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                        + " touched TIMESTAMP NULL ON UPDATE CURRENT_TIMESTAMP,"
                        + " status ENUM('new','done','it''s') NOT NULL DEFAULT 'new', flags SET('a','b') DEFAULT 'a,b',"
                        + " note TEXT DEFAULT 'text default', day DATE DEFAULT (CURRENT_DATE + INTERVAL 1 DAY),"
                        + " latin VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT 'é',"
                        + " `key` INT UNSIGNED ZEROFILL DEFAULT 7, hidden INT INVISIBLE DEFAULT 3, b BIT(3) DEFAULT b'101',"
                        + " PRIMARY KEY (`Id`, `select`), CONSTRAINT `uq.parent` UNIQUE (`ünï.cødé`, `Id`))",
                "CREATE TABLE `child.rows` (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + " `parent id` INT, `parent select` VARCHAR(20), boss BIGINT UNSIGNED, payload BLOB,"
                        + " CONSTRAINT `fk child→parent` FOREIGN KEY (`parent id`, `parent select`)"
                        + " REFERENCES `Parent Table` (`Id`, `select`) ON DELETE CASCADE ON UPDATE SET NULL,"
                        + " CONSTRAINT fk_boss FOREIGN KEY (boss) REFERENCES `child.rows` (id) ON DELETE SET NULL)"
                        + " AUTO_INCREMENT = 1000",
                "CREATE UNIQUE INDEX `ix boss` ON `child.rows` (boss DESC, id)",
                "CREATE INDEX ix_multi ON `child.rows` (`parent select`, `parent id` DESC)",
                // a cycle of foreign keys between two tables
                "CREATE TABLE a (id INT PRIMARY KEY, b_id INT NOT NULL)",
                "CREATE TABLE b (id INT PRIMARY KEY, a_id INT,"
                        + " CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE RESTRICT ON UPDATE CASCADE)",
                "ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE NO ACTION ON UPDATE NO ACTION",
                "CREATE TABLE counters (n INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))",
                "CREATE TABLE empty_ai (id SMALLINT AUTO_INCREMENT, label CHAR(3), UNIQUE KEY uq_id (id))"
                        + " AUTO_INCREMENT = 100",
                "CREATE TABLE keyless (x VARCHAR(10), y INT)",
                "CREATE TABLE `Sélect ``quoted`` . name` (`from` INT NOT NULL, `Group By` VARCHAR(5) DEFAULT 'x',"
                        + " `Mixed Case` DOUBLE NOT NULL DEFAULT -1.5e10, UNIQUE KEY `Unique Key` (`Group By`, `from`),"
                        + " KEY `order` (`Mixed Case` DESC))",
                // names that are LIKE patterns for each other: the driver's column list mixes them up
                "CREATE TABLE like_1 (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(3) NOT NULL) AUTO_INCREMENT = 7",
                "CREATE TABLE `like~1` (id VARCHAR(3) DEFAULT 'x', v INT)",
                "CREATE TABLE docs (id INT PRIMARY KEY, body TEXT, title VARCHAR(200), code VARBINARY(64),"
                        + " UNIQUE KEY uq_body (body), KEY ix_prefix (title(10), body(20) DESC),"
                        + " UNIQUE KEY uq_prefix (code(4), id))");
        execute(c,
                "INSERT INTO `Parent Table` (`Id`, `select`, `ünï.cødé`, `back``tick`, created, touched, status, flags,"
                        + " note, day, latin, `key`, hidden, b) VALUES"
                        + " (1, 'one', 1.5, '2024-01-01 10:00:00.123456', '2024-01-01 10:00:00', NULL, 'done', '', NULL,"
                        + " '2024-02-29', 'àé', 42, 9, b'111'),"
                        + " (2, 'two', -2.25, '2000-01-01 00:00:00', '2000-01-01 00:00:00', '2001-01-01 00:00:00',"
                        + " 'it''s', 'b', 'n', NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO `Parent Table` (`Id`, `select`, `back``tick`, created) VALUES"
                        + " (3, 'three', '2024-05-05 05:05:05', '2024-05-05 05:05:05')",
                "INSERT INTO `child.rows` (`parent id`, `parent select`, boss, payload) VALUES (1, 'one', NULL, x'00ff')",
                "INSERT INTO `child.rows` (`parent id`, `parent select`, boss, payload) VALUES (2, 'two', 1000, '')",
                "INSERT INTO `child.rows` (`parent id`, `parent select`, boss) VALUES (NULL, NULL, 1001)",
                "INSERT INTO `child.rows` (id, `parent id`, `parent select`, boss) VALUES (5000, 3, 'three', 1002)",
                "DELETE FROM `child.rows` WHERE id = 5000",
                "INSERT INTO b VALUES (10, NULL), (20, NULL)",
                "INSERT INTO a VALUES (1, 10), (2, 20)",
                "UPDATE b SET a_id = 1 WHERE id = 10",
                "INSERT INTO counters (v) VALUES ('a'), ('b'), ('c'), ('d'), ('e')",
                "DELETE FROM counters WHERE n > 3",
                "INSERT INTO keyless VALUES (NULL, NULL), ('', 0), ('dup', 1), ('dup', 1)",
                "INSERT INTO `Sélect ``quoted`` . name` VALUES (1, 'a', 1e300), (2, NULL, -0.5)",
                "INSERT INTO docs VALUES (1, 'a long body', 'T', x'00010203ff'), (2, NULL, NULL, NULL)");
        createObjects(c);
    }

    /**
     * Sequences (one the default of a column), CHECK constraints at column and table level, comments, routines,
     * triggers and views (one on another whose name sorts after it), with awkward names and text.
     */
    static void createObjects(Connection c) throws SQLException {
        execute(c,
                "CREATE SEQUENCE `seq ``nocache``` START WITH 10 INCREMENT BY 5 NOCACHE",
                "CREATE SEQUENCE cached_seq",
                "CREATE SEQUENCE down_seq START WITH -1 MINVALUE -10 MAXVALUE -1 INCREMENT BY -3 NOCACHE CYCLE",
                "CREATE SEQUENCE unused_seq START WITH 100 CACHE 7",
                "CREATE TABLE orders (id BIGINT NOT NULL DEFAULT NEXT VALUE FOR `seq ``nocache``` PRIMARY KEY,"
                        + " qty INT NOT NULL COMMENT 'how many; it''s \\\\ \"counted\"' CHECK (qty > 0),"
                        + " note VARCHAR(50) DEFAULT 'it''s; \\\\ fine' CHECK (note <> 'it''s \\\\ bad; no'),"
                        + " doc JSON COMMENT 'JSON ✓', other INT CHECK (qty < 500),"
                        + " CONSTRAINT `qty below 1000` CHECK (qty < 1000), CHECK (qty <> 13), CHECK (qty <> 14))"
                        + " COMMENT 'orders; it''s a \\\\ table ✓'",
                "CREATE TABLE `order log` (n INT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT, what VARCHAR(20),"
                        + " at TIMESTAMP(3) NULL ON UPDATE CURRENT_TIMESTAMP(3) INVISIBLE COMMENT 'when; updated')",
                // Triggers: if they fired for loaded rows, qty would change again and the log would double.
                "CREATE TRIGGER `double qty` BEFORE INSERT ON orders FOR EACH ROW SET NEW.qty = NEW.qty * 2",
                "CREATE TRIGGER add_one BEFORE INSERT ON orders FOR EACH ROW PRECEDES `double qty`"
                        + " SET NEW.qty = NEW.qty + 1",
                "CREATE TRIGGER log_order AFTER INSERT ON orders FOR EACH ROW BEGIN\n"
                        + "  INSERT INTO `order log` (order_id, what) VALUES (NEW.id, 'insert; logged');\n"
                        + "  INSERT INTO `order log` (order_id, what) VALUES (NEW.id, 'it''s \\\\ twice');\n"
                        + "END",
                "CREATE PROCEDURE `add order`(IN q INT, OUT new_id BIGINT) COMMENT 'adds; an order'\n"
                        + "BEGIN\n"
                        + "  # a comment with a quote ' and a semicolon;\n"
                        + "  INSERT INTO orders (qty, note) VALUES (q, 'via procedure; it\\'s');\n"
                        + "  SELECT MAX(id) INTO new_id FROM orders; -- the new one\n"
                        + "END",
                "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC\n"
                        + "BEGIN\n"
                        + "  DECLARE y INT DEFAULT 0;\n"
                        + "  SET y = x * 2;\n"
                        + "  RETURN y;\n"
                        + "END",
                // recorded with its own sql_mode, in which || concatenates
                "SET STATEMENT sql_mode = 'PIPES_AS_CONCAT' FOR CREATE FUNCTION glue(a VARCHAR(10), b VARCHAR(10))"
                        + " RETURNS VARCHAR(20) DETERMINISTIC RETURN a || b",
                "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `z orders` AS SELECT id, qty, twice(qty) AS twice_qty,"
                        + " 'it''s; \\\\ a view' AS label FROM orders WHERE qty > 0 WITH CASCADED CHECK OPTION",
                "CREATE VIEW a_totals AS SELECT COUNT(*) AS n, SUM(twice_qty) AS total, glue('x', 'y') AS glued"
                        + " FROM `z orders`",
                "INSERT INTO orders (qty, note, doc) VALUES (1, 'one', '{\"a\": 1}'), (2, NULL, NULL)",
                "CALL `add order`(3, @id)",
                "SELECT NEXT VALUE FOR cached_seq, NEXT VALUE FOR cached_seq",
                "SELECT NEXT VALUE FOR down_seq, NEXT VALUE FOR down_seq");
    }

    /** The schema as information_schema describes it, without the database's own name. */
    static List<List<String>> describe(Connection c) throws SQLException {
        List<List<String>> all = new ArrayList<>();
        String[] queries = {
                "SELECT 'table', TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CAST(AUTO_INCREMENT AS CHAR),"
                        + " TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
                "SELECT 'column', TABLE_NAME, COLUMN_NAME, CAST(ORDINAL_POSITION AS CHAR),"
                        + " REPLACE(COLUMN_DEFAULT, CONCAT('`', DATABASE(), '`.'), '<db>.'), IS_NULLABLE,"
                        + " COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, IS_GENERATED, COLUMN_COMMENT"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
                "SELECT 'index', TABLE_NAME, INDEX_NAME, CAST(NON_UNIQUE AS CHAR), CAST(SEQ_IN_INDEX AS CHAR), COLUMN_NAME,"
                        + " COLLATION, CAST(SUB_PART AS CHAR), INDEX_TYPE, NULLABLE"
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                "SELECT 'constraint', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                "SELECT 'key column', TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, CAST(ORDINAL_POSITION AS CHAR),"
                        + " CAST(POSITION_IN_UNIQUE_CONSTRAINT AS CHAR), REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME,"
                        + " REFERENCED_TABLE_SCHEMA = DATABASE() FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
                "SELECT 'foreign key', TABLE_NAME, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, REFERENCED_TABLE_NAME,"
                        + " MATCH_OPTION, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                "SELECT 'check', TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                "SELECT 'view', TABLE_NAME, REPLACE(VIEW_DEFINITION, CONCAT('`', DATABASE(), '`.'), '<db>.'),"
                        + " CHECK_OPTION, IS_UPDATABLE, SECURITY_TYPE, ALGORITHM, CHARACTER_SET_CLIENT,"
                        + " COLLATION_CONNECTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"
                        + " ORDER BY TABLE_NAME",
                "SELECT 'routine', ROUTINE_TYPE, ROUTINE_NAME, DATA_TYPE, DTD_IDENTIFIER, ROUTINE_BODY,"
                        + " ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE,"
                        + " ROUTINE_COMMENT, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION"
                        + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                        + " ORDER BY ROUTINE_TYPE, ROUTINE_NAME",
                "SELECT 'parameter', SPECIFIC_NAME, ROUTINE_TYPE, CAST(ORDINAL_POSITION AS CHAR), PARAMETER_MODE,"
                        + " PARAMETER_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS"
                        + " WHERE SPECIFIC_SCHEMA = DATABASE() ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION",
                "SELECT 'trigger', TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, CAST(ACTION_ORDER AS CHAR),"
                        + " ACTION_CONDITION, ACTION_STATEMENT, ACTION_ORIENTATION, ACTION_TIMING, SQL_MODE,"
                        + " CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION"
                        + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME"};
        for (String query : queries) {
            all.addAll(rows(c, query));
        }
        // Each sequence's definition and position, and each table's and sequence's whole CREATE statement.
        String database = rows(c, "SELECT DATABASE()").get(0).get(0);
        for (List<String> relation : rows(c, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE') ORDER BY 1")) {
            String name = "`" + relation.get(0).replace("`", "``") + "`";
            if (relation.get(1).equals("SEQUENCE")) {
                for (List<String> row : rows(c, "SELECT * FROM " + name)) {
                    List<String> described = new ArrayList<>(List.of("sequence", name));
                    described.addAll(row);
                    all.add(described);
                }
            }
            String create = rows(c, "SHOW CREATE TABLE " + name).get(0).get(1);
            all.add(List.of("create", name, create.replace("`" + database + "`.", "<db>.")));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "parquet"})
    void schemaAndRowsComeBackExactly(String format) throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("export");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            createSchema(source);
            List<String> warnings;
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
                warnings = messages(s.getWarnings());
            }
            assertEquals(List.of(), warnings);
            try (Statement s = target.createStatement()) {
                assertEquals(2 + 3 + 3 + 2 + 2 + 3 + 0 + 4 + 2 + 3 + 6, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            String schema = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
            String postData = Files.readString(dir.resolve("post-data.sql"), StandardCharsets.UTF_8);
            assertFalse(schema.contains(sourceDb), "the scripts do not name the source database:\n" + schema);
            assertFalse(postData.contains(sourceDb), "the scripts do not name the source database:\n" + postData);
            assertFalse(postData.contains("DEFINER=") || schema.contains("DEFINER="), "no DEFINER:\n" + postData);
            assertTrue(schema.contains("DELIMITER ;;\nCREATE PROCEDURE `add order`"), schema);
            assertTrue(postData.contains("DELIMITER ;;\nCREATE TRIGGER `log_order`"), postData);

            List<List<String>> expected = describe(source);
            List<List<String>> actual = describe(target);
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                assertEquals(i < expected.size() ? expected.get(i) : null, i < actual.size() ? actual.get(i) : null,
                        "schema row " + i + "; post-data.sql:\n" + Files.readString(dir.resolve("post-data.sql")));
            }
            assertEquals(expected.size(), actual.size());

            DataComparison comparison = new DataComparison(source, target);
            for (String table : TABLES) {
                assertEquals(List.of(), comparison.differences(table), table);
            }
            String hidden = "SELECT `Id`, hidden FROM `Parent Table` ORDER BY 1";
            assertEquals(rows(source, hidden), rows(target, hidden), "invisible columns are carried");

            // The next AUTO_INCREMENT value is the source's, not max + 1.
            for (String insert : List.of("INSERT INTO `child.rows` (boss) VALUES (NULL)",
                    "INSERT INTO counters (v) VALUES ('next')", "INSERT INTO empty_ai (label) VALUES ('new')")) {
                execute(source, insert);
                execute(target, insert);
            }
            String generated = "SELECT (SELECT MAX(id) FROM `child.rows`), (SELECT MAX(n) FROM counters),"
                    + " (SELECT MAX(id) FROM empty_ai)";
            assertEquals(List.of(List.of("5001", "6", "100")), rows(source, generated));
            assertEquals(rows(source, generated), rows(target, generated));

            // The foreign keys act as they did: ON UPDATE SET NULL, ON DELETE CASCADE, then SET NULL on the boss.
            for (Connection c : List.of(source, target)) {
                execute(c, "UPDATE `Parent Table` SET `select` = 'uno' WHERE `Id` = 1",
                        "DELETE FROM `Parent Table` WHERE `Id` = 2");
            }
            String children = "SELECT id, `parent id`, `parent select`, boss FROM `child.rows` ORDER BY id";
            assertEquals(rows(source, children), rows(target, children));
            assertEquals(List.of(Arrays.asList("1000", null, null, null), Arrays.asList("1002", null, null, null),
                    Arrays.asList("5001", null, null, null)), rows(target, children));

            objectsActAsTheyDid(source, target);
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /**
     * No trigger fired for a loaded row; sequences hand out what the source would; triggers (in their order), the
     * procedure, functions (one under its own sql_mode), views and checks act in the copy as in the source.
     */
    private static void objectsActAsTheyDid(Connection source, Connection target) throws SQLException {
        String orders = "SELECT id, qty, note FROM orders ORDER BY id";
        assertEquals(List.of(List.of("10", "4", "one"), Arrays.asList("15", "6", null),
                List.of("20", "8", "via procedure; it's")), rows(target, orders));
        assertEquals(6, rows(target, "SELECT * FROM `order log`").size());

        // NOCACHE sequences continue exactly; a cached one after the block it reserved, as the source does once its
        // cache is dropped (FLUSH TABLES, a restart).
        String next = "SELECT NEXT VALUE FOR `seq ``nocache```, NEXT VALUE FOR down_seq, NEXT VALUE FOR down_seq,"
                + " NEXT VALUE FOR unused_seq";
        assertEquals(List.of(List.of("25", "-7", "-10", "100")), rows(source, next));
        assertEquals(List.of(List.of("25", "-7", "-10", "100")), rows(target, next));
        execute(source, "FLUSH TABLES cached_seq");
        assertEquals(List.of(List.of("1001")), rows(source, "SELECT NEXT VALUE FOR cached_seq"));
        assertEquals(List.of(List.of("1001")), rows(target, "SELECT NEXT VALUE FOR cached_seq"));
        assertEquals(List.of(List.of("-1")), rows(target, "SELECT NEXT VALUE FOR down_seq"), "cycles as it did");

        for (Connection c : List.of(source, target)) {
            execute(c, "INSERT INTO orders (qty) VALUES (5)", "CALL `add order`(7, @id)");
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> execute(c, "INSERT INTO orders (qty) VALUES (6)"), "(6 + 1) * 2 = 14 fails a check");
            assertTrue(refused.getMessage().contains("CONSTRAINT_2"), refused.getMessage());
        }
        for (String query : List.of(orders, "SELECT * FROM `order log` ORDER BY n", "SELECT @id",
                "SELECT * FROM `z orders` ORDER BY id", "SELECT * FROM a_totals", "SELECT glue('a', 'b'), twice(21)")) {
            assertEquals(rows(source, query), rows(target, query), query);
        }
        assertEquals(List.of(List.of("30", "12", "it's; \\ fine"), List.of("35", "16", "via procedure; it's")),
                rows(target, orders + " LIMIT 3, 2"));
        assertEquals(List.of(List.of("5", "92", "xy")), rows(target, "SELECT * FROM a_totals"));
        assertEquals(List.of(List.of("ab", "42")), rows(target, "SELECT glue('a', 'b'), twice(21)"));
    }

    /**
     * A column-level CHECK keeps its name when its column is renamed, and cannot be declared with a column again under
     * that name: it comes back as a table-level check of the same name and clause, enforced alike.
     */
    @Test
    void aColumnCheckOfARenamedColumnComesBackAsATableCheck() throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("renamed");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            execute(source, "CREATE TABLE r (old INT CHECK (old >= 0), v INT CHECK (v > 0))",
                    "ALTER TABLE r RENAME COLUMN old TO positive", "INSERT INTO r VALUES (0, 1)");
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
                assertEquals(List.of(), messages(s.getWarnings()));
            }
            try (Statement s = target.createStatement()) {
                s.execute("IMPORT DATABASE '" + dir + "'");
            }
            String checks = "SELECT CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1";
            assertEquals(List.of(List.of("old", "Column", "`positive` >= 0"), List.of("v", "Column", "`v` > 0")),
                    rows(source, checks));
            assertEquals(List.of(List.of("old", "Table", "`positive` >= 0"), List.of("v", "Column", "`v` > 0")),
                    rows(target, checks));
            for (Connection c : List.of(source, target)) {
                org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> execute(c, "INSERT INTO r VALUES (-1, 1)"));
            }
            assertEquals(List.of(List.of("0", "1")), rows(target, "SELECT * FROM r"));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /** What the export does not carry is named, one warning each, and the rest still imports. */
    @Test
    void whatIsNotCarriedIsNamedInWarnings() throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        String otherDb = server.createDatabase();
        Path dir = temp.resolve("warned");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            execute(source,
                    "CREATE TABLE t (id INT PRIMARY KEY COMMENT 'the key', v INT CHECK (v > 0),"
                            + " doubled INT AS (v * 2) VIRTUAL, stored INT AS (v + 1) STORED,"
                            + " body TEXT, title VARCHAR(200), emoji ENUM('a', '😀') DEFAULT 'a',"
                            + " CONSTRAINT positive CHECK (id > 0), FULLTEXT KEY ft_body (body)) COMMENT 'a table comment'",
                    "CREATE VIEW v AS SELECT id FROM t",
                    "CREATE SEQUENCE s START WITH 7 COMMENT = 'a sequence comment'",
                    "CREATE PROCEDURE p() SELECT 1",
                    "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1",
                    "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.v = NEW.v",
                    "CREATE PROCEDURE named() SELECT COUNT(*) FROM " + sourceDb + ".t",
                    "CREATE TRIGGER named_trg AFTER INSERT ON t FOR EACH ROW SET @n = (SELECT COUNT(*) FROM `"
                            + sourceDb + "`.t)",
                    "CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1",
                    "CREATE SEQUENCE wrapped MAXVALUE 2 NOCACHE CYCLE",
                    "SELECT NEXTVAL(wrapped), NEXTVAL(wrapped), NEXTVAL(wrapped)",
                    "CREATE TABLE versioned (x INT) WITH SYSTEM VERSIONING",
                    "CREATE TABLE old_engine (x INT) ENGINE = MyISAM",
                    "CREATE TABLE parts (x INT) PARTITION BY HASH (x) PARTITIONS 2",
                    "CREATE TABLE " + otherDb + ".elsewhere (id INT PRIMARY KEY)",
                    "INSERT INTO " + otherDb + ".elsewhere VALUES (1)",
                    "CREATE TABLE `refers out` (id INT REFERENCES " + otherDb + ".elsewhere (id))",
                    "INSERT INTO t (id, v, body, title) VALUES (1, 5, 'text', 'title')",
                    "INSERT INTO versioned VALUES (1)",
                    "UPDATE versioned SET x = 2");
            List<String> warnings;
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
                warnings = messages(s.getWarnings());
            }
            String all = String.join("\n", warnings);
            for (String expected : List.of("Event ev is not exported (events are not carried)",
                    "Table versioned ", "Table old_engine uses engine MyISAM",
                    "Table parts is partitioned", "Column t.emoji ",
                    "Procedure named names the database " + sourceDb + " in its body; the copy still does",
                    "Trigger named_trg on t names the database " + sourceDb + " in its body; the copy still does",
                    "The comment on sequence s is not exported",
                    "Sequence wrapped has cycled 1 time(s)",
                    "Foreign key refers out_ibfk_1 on refers out refers to " + otherDb + ".elsewhere in another database;"
                            + " it is not exported")) {
                assertTrue(all.contains(expected), "a warning with '" + expected + "' in:\n" + all);
            }
            // Carried now, so not warned about.
            for (String carried : List.of("FULLTEXT", "View v ", "Sequence s ", "Procedure p ", "Function f ", "Trigger trg ",
                    "CHECK constraint", "comment on table t", "comment on column t.id", "SEQUENCE", "enerated")) {
                assertFalse(all.contains(carried), "no warning with '" + carried + "' in:\n" + all);
            }
            assertEquals(10, warnings.size(), all);
            String manifest = Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Event ev is not exported"), manifest);

            try (Statement s = target.createStatement()) {
                assertEquals(1 + 1 + 0, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            assertEquals(List.of(List.of("1", "5", "text", "title", "a", "10", "6")),
                    rows(target, "SELECT id, v, body, title, emoji, doubled, stored FROM t"));
            String generated = "SELECT COLUMN_NAME, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND IS_GENERATED = 'ALWAYS' ORDER BY 1";
            assertEquals(List.of(List.of("doubled", "VIRTUAL GENERATED", "`v` * 2"),
                    List.of("stored", "STORED GENERATED", "`v` + 1")), rows(target, generated));
            assertEquals(List.of(List.of("2")), rows(target, "SELECT x FROM versioned"));
            assertEquals(List.of(List.of("ft_body", "FULLTEXT", "body")), rows(target, "SELECT INDEX_NAME, INDEX_TYPE,"
                    + " COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 't' AND INDEX_NAME = 'ft_body'"));
            assertEquals(List.of(List.of("s", "SEQUENCE", ""), List.of("t", "BASE TABLE", "a table comment"),
                    List.of("v", "VIEW", "VIEW"), List.of("wrapped", "SEQUENCE", "")),
                    rows(target, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES"
                            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('v', 's', 't', 'wrapped') ORDER BY 1"));
            assertEquals(List.of(List.of("7"), List.of("2")),
                    rows(target, "SELECT NEXT VALUE FOR s UNION ALL SELECT NEXT VALUE FOR wrapped"));
            assertEquals(List.of(List.of("FUNCTION", "f"), List.of("PROCEDURE", "named"), List.of("PROCEDURE", "p")),
                    rows(target, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
                            + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 2"));
            assertEquals(List.of(List.of("named_trg"), List.of("trg")), rows(target, "SELECT TRIGGER_NAME"
                    + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"));
            assertEquals(List.of(List.of("id", "the key"), List.of("v", "")), rows(target, "SELECT COLUMN_NAME,"
                    + " COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't'"
                    + " AND COLUMN_NAME IN ('id', 'v') ORDER BY 1"));
            assertEquals(List.of(List.of("positive", "Table"), List.of("v", "Column")), rows(target, "SELECT"
                    + " CONSTRAINT_NAME, LEVEL FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 't' ORDER BY 1"));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
            server.dropDatabase(otherDb);
        }
    }

    /** An import that fails half-way leaves the database empty again, foreign keys between its tables included. */
    @Test
    void aFailedImportLeavesTheDatabaseEmpty() throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("failing");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            createSchema(source);
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
            }
            Path postData = dir.resolve("post-data.sql");
            Files.writeString(postData, Files.readString(postData) + "\nSELECT no_such_column FROM a;\n");
            try (Statement s = target.createStatement()) {
                SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)"));
                assertTrue(failure.getMessage().contains("post-data.sql"), failure.getMessage());
                assertFalse(failure.getSQLState().startsWith("08"), failure.getSQLState());
            }
            assertEquals(List.of(), rows(target, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()"), "tables, views and sequences are dropped");
            assertEquals(List.of(), rows(target, "SELECT ROUTINE_NAME FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = DATABASE()"), "routines are dropped");
            assertEquals(List.of(List.of("1")), rows(target, "SELECT @@autocommit"));

            Files.writeString(postData, Files.readString(postData).replace("SELECT no_such_column FROM a;", ""));
            try (Statement s = target.createStatement()) {
                s.execute("IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)");
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)"));
                assertEquals("42000", refused.getSQLState(), refused.getMessage());
            }
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /**
     * A row the database refuses is named by its line (issue 14, item 7): Connector/J sends a batch as one bulk statement
     * and marks every row failed, so the loader finds the row by inserting the batch's rows one at a time (it named
     * the batch's range of lines before: "a row between line 2 and line 5").
     */
    @Test
    void aRefusedRowIsNamedByItsLine() throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("refused");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            createSchema(source);
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
            }
            Path schema = dir.resolve("schema.sql");
            String narrowed = Files.readString(schema).replace("`x` varchar(10)", "`x` varchar(2)");
            Files.writeString(schema, narrowed);
            try (Statement s = target.createStatement()) {
                SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)"));
                assertTrue(failure.getMessage().contains("Loading `keyless` from data/keyless/part-0001.csv: The database"
                        + " refused the row at line 4 of data/keyless/part-0001.csv"), failure.getMessage());
                // LOAD DATA warns "Data truncated" where an INSERT fails with "Data too long".
                assertTrue(failure.getMessage().matches("(?s).*Data (too long|truncated) for column 'x' at row [0-9].*"),
                        failure.getMessage());
                assertEquals("22001", failure.getSQLState());
            }
            assertEquals(List.of(), rows(target, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() UNION ALL SELECT ROUTINE_NAME FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = DATABASE()"));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /**
     * An AUTO_INCREMENT column must lead a key when its table is created, but only primary and plain unique keys are
     * created with the table: the export warns, and the import fails, naming the table, and leaves nothing behind.
     */
    @Test
    void anAutoIncrementColumnKeyedOnlyByALaterIndexIsWarnedAbout() throws Exception {
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("auto");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            execute(source, "CREATE TABLE tenants (id INT AUTO_INCREMENT, tenant INT, PRIMARY KEY (tenant, id), KEY (id))");
            List<String> warnings;
            try (Statement s = source.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
                warnings = messages(s.getWarnings());
            }
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("AUTO_INCREMENT column tenants.id ")), warnings.toString());
            try (Statement s = target.createStatement()) {
                SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("IMPORT DATABASE '" + dir + "'"));
                assertTrue(failure.getMessage().startsWith("schema.sql line "), failure.getMessage());
            }
            assertEquals(List.of(), rows(target, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()"));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /** Without a current database there is nothing to export: refused, nothing written. */
    @Test
    void anExportWithoutACurrentDatabaseIsRefused() throws Exception {
        try (Connection none = server.connectFerry(""); Statement s = none.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("EXPORT DATABASE '" + temp.resolve("none") + "'"));
            assertEquals("42000", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("current database"), refused.getMessage());
        }
        assertFalse(Files.exists(temp.resolve("none")));
    }

    private static List<String> messages(SQLWarning warning) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages;
    }
}
