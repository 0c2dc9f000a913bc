package dev.ferry.core.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.TypeFamily;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** The MariaDB dialect's readings of the text MariaDB writes, without a server. */
class MariaDbDialectTest {

    @Test
    void theCurrentDatabaseIsTakenOnlyFromTheStartOfQualifiedNames() throws SQLException {
        assertEquals("nextval(`s`)", MariaDbSqlText.withoutDatabase("nextval(`db`.`s`)", "db"));
        assertEquals("nextval(`other`.`s`)", MariaDbSqlText.withoutDatabase("nextval(`other`.`s`)", "db"));
        assertEquals("`db`.`c`", MariaDbSqlText.withoutDatabase("`db`.`db`.`c`", "db"), "a table named as the database");
        assertEquals("`x`.`db`.c", MariaDbSqlText.withoutDatabase("`x`.`db`.c", "db"));
        assertEquals("'`db`.x' + `db` . 1", MariaDbSqlText.withoutDatabase("'`db`.x' + `db` . 1", "db"));
        assertEquals("'it\\'s `db`.' + `s`", MariaDbSqlText.withoutDatabase("'it\\'s `db`.' + `db`.`s`", "db"));
    }

    @Test
    void definersAreLeftOut() throws SQLException {
        assertEquals("CREATE PROCEDURE `p`()\nSELECT 1",
                MariaDbShowCreate.withoutDefiner("CREATE DEFINER=`root`@`%` PROCEDURE `p`()\nSELECT 1"));
        assertEquals("CREATE FUNCTION `f`() RETURNS int(11) RETURN 1",
                MariaDbShowCreate.withoutDefiner("CREATE DEFINER=`a role` FUNCTION `f`() RETURNS int(11) RETURN 1"));
        assertEquals("CREATE AGGREGATE FUNCTION `g`() RETURNS int(11) BEGIN RETURN 1; END", MariaDbShowCreate.withoutDefiner(
                "CREATE DEFINER=`we``ird`@`host name` AGGREGATE FUNCTION `g`() RETURNS int(11) BEGIN RETURN 1; END"));
    }

    @Test
    void aViewsQueryFollowsItsName() throws SQLException {
        assertEquals("select `t`.`id` AS `id`,'VIEW `v` AS x' AS `q` from `t` WITH CASCADED CHECK OPTION",
                MariaDbShowCreate.viewQuery("v", "CREATE ALGORITHM=UNDEFINED DEFINER=`VIEW`@`%` SQL SECURITY DEFINER VIEW `v`"
                        + " AS select `t`.`id` AS `id`,'VIEW `v` AS x' AS `q` from `t` WITH CASCADED CHECK OPTION"));
    }

    @Test
    void aTriggersBodyFollowsForEachRowAndItsOrder() throws SQLException {
        assertEquals("SET NEW.a = 'FOR EACH ROW'", MariaDbShowCreate.triggerBody("t",
                "CREATE DEFINER=`root`@`%` TRIGGER db.t BEFORE INSERT ON db.x FOR EACH ROW SET NEW.a = 'FOR EACH ROW'"));
        assertEquals("BEGIN SET NEW.a = 1; END", MariaDbShowCreate.triggerBody("t",
                "CREATE TRIGGER `t` BEFORE INSERT ON `x` FOR EACH ROW PRECEDES `db`.`u` BEGIN SET NEW.a = 1; END"));
        assertEquals("SET @x = 1", MariaDbShowCreate.triggerBody("t",
                "CREATE TRIGGER t AFTER DELETE ON x FOR EACH ROW FOLLOWS u SET @x = 1"));
    }

    /**
     * The attributes kept after a column's type ({@code ON UPDATE}, {@code INVISIBLE}, {@code COMMENT}) are not read
     * as part of it: Sakila's {@code last_update TIMESTAMP ... ON UPDATE CURRENT_TIMESTAMP} is a timestamp, not text.
     */
    @Test
    void attributesAfterTheTypeAreNotPartOfIt() {
        MariaDbDialect dialect = new MariaDbDialect();
        Column lastUpdate = new Column("last_update", "timestamp ON UPDATE current_timestamp() INVISIBLE COMMENT 'x'",
                Types.TIMESTAMP, 19, 0, false, "current_timestamp()", null, null);
        Column stamp = new Column("at", "datetime(3) ON UPDATE current_timestamp(3)", Types.TIMESTAMP, 23, 3, true, null,
                null, null);
        Column labels = new Column("mood", "enum('x ON UPDATE y','it''s',' COMMENT \\'') COMMENT 'a'", Types.VARCHAR,
                10, 0, true, null, null, null);
        Column number = new Column("n", "int(11) COMMENT 'on update now()'", Types.INTEGER, 10, 0, true, null, null, null);

        assertEquals(TypeFamily.TIMESTAMP, dialect.portableType(lastUpdate).family());
        assertEquals("current_timestamp()", dialect.columnOnUpdate(lastUpdate));
        assertEquals(3, dialect.portableType(stamp).scale());
        assertEquals("current_timestamp(3)", dialect.columnOnUpdate(stamp));
        assertEquals(null, dialect.columnOnUpdate(labels));
        assertEquals(TypeFamily.INTEGER, dialect.portableType(number).family());
        assertEquals(null, dialect.columnOnUpdate(number));
    }
}
