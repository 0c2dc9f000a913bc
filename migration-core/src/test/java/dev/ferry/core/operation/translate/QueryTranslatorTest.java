package dev.ferry.core.operation.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.duckdb.DuckDbDialect;
import dev.ferry.core.dialect.h2.H2Dialect;
import dev.ferry.core.dialect.hsqldb.HsqldbDialect;
import dev.ferry.core.dialect.mariadb.MariaDbDialect;
import dev.ferry.core.dialect.postgres.PostgresDialect;
import dev.ferry.core.dialect.sqlite.SqliteDialect;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** View queries written for another engine with their meaning, or refused with the reason. */
class QueryTranslatorTest {
    private static QueryTranslator translator(Dialect source, Dialect target, Set<String> userRoutines) {
        return new QueryTranslator(source, target, new NameMapper(source, target, Set.of("public")),
                Set.of("public", "sales"), Set.of("customer", "orders"), Set.of("customer", "orders"),
                userRoutines);
    }

    private static final QueryTranslator POSTGRES_TO_MARIADB = translator(new PostgresDialect(), new MariaDbDialect(),
            Set.of("group_concat"));

    @Test
    void concatenationBecomesConcatInMariaDb() throws NotTranslatable {
        assertEquals("select concat(concat(cast(`cu`.`first_name` as char), ' '), cast(`cu`.`last_name` as char))"
                        + " as `name` from `customer` as `cu`",
                POSTGRES_TO_MARIADB.query(" SELECT (((cu.first_name)::text || ' '::text) || (cu.last_name)::text)"
                        + " AS name\n   FROM public.customer cu;"));
    }

    @Test
    void aSchemaOtherThanTheDefaultStaysAndNamesAreQuoted() throws NotTranslatable {
        assertEquals("select \"SALES\".\"ORDERS\".\"ID\", \"Mixed\" from \"SALES\".\"ORDERS\"",
                translator(new PostgresDialect(), new H2Dialect(), Set.of())
                        .query("SELECT sales.orders.id, \"Mixed\" FROM sales.orders"));
    }

    @Test
    void mariaDbsBackslashEscapesAreReadAsMariaDbReadsThem() throws NotTranslatable {
        assertEquals("select \"customer\".\"name\" from \"customer\" where \"customer\".\"name\" <> 'it''s \\'",
                translator(new MariaDbDialect(), new PostgresDialect(), Set.of())
                        .query("select `customer`.`name` from `customer` where `customer`.`name` <> 'it\\'s \\\\'"));
    }

    @Test
    void aCallOfAUsersFunctionIsRefusedEvenWhereTheTargetHasABuiltInOfThatName() {
        NotTranslatable refused = assertThrows(NotTranslatable.class,
                () -> POSTGRES_TO_MARIADB.query("SELECT group_concat(name) FROM customer"));
        assertEquals("it calls group_concat, a function written in postgresql's own SQL, which is not carried",
                refused.getMessage());
        NotTranslatable unknown = assertThrows(NotTranslatable.class,
                () -> POSTGRES_TO_MARIADB.query("SELECT my_rank(name) FROM customer"));
        assertTrue(unknown.getMessage().startsWith("it calls my_rank, which is not a function Ferry knows"),
                unknown.getMessage());
    }

    @Test
    void constructsWhoseMeaningDiffersAreRefused() {
        assertTrue(reason("SELECT id / 2 FROM orders").contains("divide"));
        assertTrue(reason("SELECT name FROM customer WHERE name ~ '^A'").startsWith("it uses regexp like"));
        assertTrue(reason("SELECT create_date + interval '1 day' FROM customer").contains("interval"));
        assertTrue(reason("SELECT ('now'::text)::date FROM customer").contains("'now'"));
        assertTrue(reason("SELECT id FROM orders WHERE").startsWith("Ferry's SQL parser cannot read it"));
    }

    @Test
    void divisionIsKeptBetweenEnginesThatDivideAlike() throws NotTranslatable {
        assertEquals("select (\"ORDERS\".\"ID\" / 2) from \"ORDERS\"",
                translator(new PostgresDialect(), new H2Dialect(), Set.of()).query("SELECT orders.id / 2 FROM orders"));
    }

    @Test
    void aColumnNeitherGroupedNorAggregatedIsRefusedWhereTheTargetRefusesIt() throws NotTranslatable {
        QueryTranslator mariaDbToPostgres = translator(new MariaDbDialect(), new PostgresDialect(), Set.of());
        NotTranslatable refused = assertThrows(NotTranslatable.class, () -> mariaDbToPostgres.query("select `c`.`city`"
                + " AS `store`, sum(`o`.`total`) AS `total` from `orders` `o` join `city` `c` on `o`.`city` = `c`.`id`"
                + " group by `o`.`store_id`"));
        assertEquals("it selects c.city without grouping by it or aggregating it, which mariadb allows and postgresql"
                + " refuses", refused.getMessage());
        assertEquals("select (cast(\"c\".\"city\" as varchar) || ',') as \"store\", sum(\"o\".\"total\") as \"total\", (select"
                        + " max(\"x\".\"id\") from \"x\") as \"m\" from \"orders\" as \"o\" join \"city\" as \"c\""
                        + " on \"o\".\"city\" = \"c\".\"id\" group by \"c\".\"city\"",
                mariaDbToPostgres.query("select concat(`c`.`city`, ',') AS `store`, sum(`o`.`total`) AS `total`,"
                        + " (select max(`x`.`id`) from `x`) AS `m` from `orders` `o` join `city` `c` on `o`.`city` ="
                        + " `c`.`id` group by `c`.`city`"));
    }

    @Test
    void distinctValuesJoinedInAnotherOrderAreRefusedOutsideMariaDb() throws NotTranslatable {
        QueryTranslator mariaDbToPostgres = translator(new MariaDbDialect(), new PostgresDialect(), Set.of());
        NotTranslatable refused = assertThrows(NotTranslatable.class, () -> mariaDbToPostgres.query("select"
                + " group_concat(distinct `c`.`name` order by `c`.`id` separator '; ') AS `names` from `customer` `c`"));
        assertTrue(refused.getMessage().startsWith("its GROUP_CONCAT(DISTINCT ... ORDER BY ...)"), refused.getMessage());
        assertEquals("select string_agg(cast(\"c\".\"name\" as varchar), '; ' order by \"c\".\"id\") as \"names\" from"
                        + " \"customer\" as \"c\"", mariaDbToPostgres.query("select group_concat(`c`.`name` order by"
                        + " `c`.`id` separator '; ') AS `names` from `customer` `c`"));
    }

    /**
     * A cast to a decimal without a precision keeps every digit in PostgreSQL and SQLite, and rounds to a fixed scale
     * in MariaDB ({@code DECIMAL(10,0)}), H2 and the others: {@code (price)::numeric} written as MariaDB's
     * {@code cast(price as decimal)} turned 9.99 into 10. A literal cast to its own kind is the literal alone.
     */
    @Test
    void aCastToADecimalWithoutPrecisionIsRefusedWhereItRounds() throws NotTranslatable {
        assertTrue(reason("SELECT (orders.amount)::numeric AS amount FROM orders")
                .startsWith("it casts to a decimal without a precision"), reason("SELECT (amount)::numeric FROM orders"));
        assertEquals("select `orders`.`amount` from `orders` where `orders`.`amount` > 9.99",
                POSTGRES_TO_MARIADB.query("SELECT orders.amount FROM orders WHERE orders.amount > (9.99)::numeric"));
        assertEquals("select cast(\"orders\".\"amount\" as decimal(10, 2)) from \"orders\"",
                translator(new MariaDbDialect(), new PostgresDialect(), Set.of())
                        .query("select cast(`orders`.`amount` as decimal(10,2)) from `orders`"), "a precision is kept");
        assertEquals("select cast(\"orders\".\"amount\" as numeric) from \"orders\"",
                translator(new H2Dialect(), new PostgresDialect(), Set.of())
                        .query("SELECT CAST(ORDERS.AMOUNT AS NUMERIC) FROM ORDERS"), "PostgreSQL keeps every digit");
    }

    /** PostgreSQL stores {@code x IN ('a', 'b')} as {@code x = ANY (ARRAY[...])}, which no other engine reads. */
    @Test
    void postgresqlsAnyOfAnArrayIsAnInListAgain() throws NotTranslatable {
        assertEquals("cast(`rating` as char) in ('G', 'PG')", POSTGRES_TO_MARIADB.condition(
                "((rating)::text = ANY ((ARRAY['G'::character varying, 'PG'::character varying])::text[]))",
                Set.of()));
        assertEquals("(`rating` not in ('G', 'PG') and `id` <= 10)", POSTGRES_TO_MARIADB.condition(
                "((rating <> ALL (ARRAY['G'::text, 'PG'::text])) AND (id <= 10))", Set.of()));
        assertTrue(assertThrows(NotTranslatable.class, () -> POSTGRES_TO_MARIADB.condition("id >= ANY (ARRAY[1, 2])",
                Set.of())).getMessage().startsWith("it uses ge quantified"));
    }

    /**
     * A default is a literal or the current moment as the target writes them, any other expression in parentheses;
     * what the target cannot say the same way is refused, never written with another meaning.
     */
    @Test
    void defaultsAreWrittenTheTargetsWay() throws NotTranslatable {
        assertEquals("'G'", POSTGRES_TO_MARIADB.columnDefault("'G'::mpaa_rating"), "a string of a PostgreSQL type");
        assertEquals("'it''s'", POSTGRES_TO_MARIADB.columnDefault("'it''s'::character varying"));
        assertEquals("-1", POSTGRES_TO_MARIADB.columnDefault("(-1)"));
        assertEquals("(cast('abcdef' as char(3)))", POSTGRES_TO_MARIADB.columnDefault("'abcdef'::character(3)"),
                "a cast that cuts the string is kept");
        assertEquals("(cast(1.5 as signed))", POSTGRES_TO_MARIADB.columnDefault("(1.5)::integer"),
                "a cast that rounds is kept");
        assertEquals("2", POSTGRES_TO_MARIADB.columnDefault("(2)::integer"));
        assertEquals("current_timestamp()", POSTGRES_TO_MARIADB.columnDefault("now()"));
        assertEquals("(concat('a', 'b'))", POSTGRES_TO_MARIADB.columnDefault("('a'::text || 'b'::text)"));
        QueryTranslator duckDbToSqlite = translator(new DuckDbDialect(), new SqliteDialect(), Set.of());
        assertEquals("1", duckDbToSqlite.columnDefault("CAST('t' AS BOOLEAN)"));
        assertEquals("current_timestamp", translator(new H2Dialect(), new PostgresDialect(), Set.of())
                .columnDefault("LOCALTIMESTAMP"));
        NotTranslatable sqliteFunction = assertThrows(NotTranslatable.class, () -> translator(new SqliteDialect(),
                new PostgresDialect(), Set.of()).columnDefault("(datetime('now'))"));
        assertTrue(sqliteFunction.getMessage().startsWith("it calls datetime, which is not a function Ferry knows"),
                sqliteFunction.getMessage());
        NotTranslatable hsqldb = assertThrows(NotTranslatable.class, () -> translator(new PostgresDialect(),
                new HsqldbDialect(), Set.of()).columnDefault("('a'::text || 'b'::text)"));
        assertEquals("hsqldb takes only a literal or the current moment for a default", hsqldb.getMessage());
    }

    private static String reason(String sql) {
        return assertThrows(NotTranslatable.class, () -> POSTGRES_TO_MARIADB.query(sql)).getMessage();
    }
}
