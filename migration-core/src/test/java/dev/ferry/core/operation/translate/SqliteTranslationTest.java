package dev.ferry.core.operation.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.duckdb.DuckDbDialect;
import dev.ferry.core.dialect.h2.H2Dialect;
import dev.ferry.core.dialect.mariadb.MariaDbDialect;
import dev.ferry.core.dialect.postgres.PostgresDialect;
import dev.ferry.core.dialect.sqlite.SqliteDialect;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.script.ScriptRenderer;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Schemas of other engines written for SQLite, and SQLite's written for others: identities as the INTEGER PRIMARY KEY
 * AUTOINCREMENT, checks on exact decimals kept as text, sequences that number one column, integer widths of foreign
 * keys.
 */
class SqliteTranslationTest {
    private static final QualifiedName ITEMS = new QualifiedName("PUBLIC", "ITEMS");

    private static Column h2(String name, String type, int jdbcType, Identity identity) {
        return new Column(name, type, jdbcType, type.startsWith("NUMERIC") ? 12 : 32, type.startsWith("NUMERIC") ? 2 : 0,
                identity == null, null, identity, type);
    }

    private static DatabaseSchema schema(List<Sequence> sequences, List<ForeignKey> keys, Table... tables) {
        return new DatabaseSchema(List.of("PUBLIC"), Map.of(), List.of(), List.of(), sequences, List.of(tables), keys,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static SchemaTranslator.Translation translate(Dialect source, Dialect target, DatabaseSchema schema)
            throws SQLException {
        return new SchemaTranslator(source, target, Set.of()).translate(schema);
    }

    private static Table items(Column id, KeyConstraint key, CheckConstraint... checks) {
        return new Table(ITEMS, List.of(id, h2("AMOUNT", "NUMERIC(12, 2)", Types.NUMERIC, null),
                h2("CODE", "INTEGER", Types.INTEGER, null)), key, List.of(), List.of(checks));
    }

    @Test
    void anIdentityThatIsThePrimaryKeyBecomesTheIntegerPrimaryKeyAutoincrementAtItsPosition() throws SQLException {
        Table items = items(h2("ID", "BIGINT", Types.BIGINT, new Identity(false, 1, 1, 42)),
                new KeyConstraint("PK_ITEMS", List.of("ID")));
        SchemaTranslator.Translation translation = translate(new H2Dialect(), new SqliteDialect(),
                schema(List.of(), List.of(), items));
        ScriptRenderer scripts = new ScriptRenderer(new SqliteDialect());

        Column id = translation.schema().tables().get(0).columns().get(0);
        assertEquals("INTEGER", id.declaredType(), "only INTEGER makes the rowid; its 64 bits hold any BIGINT");
        assertEquals(new Identity(false, 1, 1, 42), id.identity());
        assertEquals(List.of(), translation.warnings());
        String create = scripts.createTable(translation.schema().tables().get(0));
        assertTrue(create.contains("\"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"), create);
        assertFalse(create.contains("PRIMARY KEY (\"id\")"), "no second primary key: " + create);
        assertTrue(scripts.postDataScript(translation.schema(), "").contains(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('items', 41)"));
    }

    @Test
    void anIdentityThatIsNotThePrimaryKeyAloneIsAWarningNamingTheColumn() throws SQLException {
        Table items = items(h2("ID", "INTEGER", Types.INTEGER, new Identity(false, 1, 1, 7)),
                new KeyConstraint(null, List.of("ID", "CODE")));
        SchemaTranslator.Translation translation = translate(new H2Dialect(), new SqliteDialect(),
                schema(List.of(), List.of(), items));

        Column id = translation.schema().tables().get(0).columns().get(0);
        assertNull(id.identity());
        assertEquals("INT", id.declaredType());
        assertEquals(List.of("Column PUBLIC.ITEMS.ID is an identity column, which sqlite cannot keep: only an INTEGER"
                + " PRIMARY KEY can be one in sqlite, and it is not its table's primary key alone; its values are"
                + " carried, but new rows get none"), translation.warnings());
        assertTrue(new ScriptRenderer(new SqliteDialect()).createTable(translation.schema().tables().get(0))
                .contains("PRIMARY KEY (\"id\", \"code\")"));
    }

    @Test
    void anIdentityOfADecimalTypeOrWithAnotherStepIsAWarningNamingTheColumn() throws SQLException {
        Table decimal = items(new Column("ID", "NUMERIC", Types.NUMERIC, 10, 0, false, null,
                new Identity(false, 1, 1, 3), "NUMERIC(10)"), new KeyConstraint(null, List.of("ID")));
        assertEquals(List.of("Column PUBLIC.ITEMS.ID is an identity column, which sqlite cannot keep: only an INTEGER"
                + " PRIMARY KEY can be one in sqlite, and its type is DECIMAL(10,0); its values are carried, but new"
                + " rows get none"),
                translate(new H2Dialect(), new SqliteDialect(), schema(List.of(), List.of(), decimal)).warnings());

        Table stepping = items(h2("ID", "INTEGER", Types.INTEGER, new Identity(false, 10, 5, 25)),
                new KeyConstraint(null, List.of("ID")));
        SchemaTranslator.Translation translation = translate(new H2Dialect(), new SqliteDialect(),
                schema(List.of(), List.of(), stepping));
        assertEquals(new Identity(false, 10, 5, 25), translation.schema().tables().get(0).columns().get(0).identity());
        assertEquals(List.of("Column PUBLIC.ITEMS.ID (INTEGER in h2) becomes INTEGER in sqlite: AUTOINCREMENT steps by"
                + " 1, not by 5"), translation.warnings());
    }

    @Test
    void aCheckComparesAnExactDecimalKeptAsTextAsANumber() throws SQLException {
        Table items = items(h2("ID", "INTEGER", Types.INTEGER, null), new KeyConstraint(null, List.of("ID")),
                new CheckConstraint("POSITIVE", "CHECK(\"AMOUNT\" >= 0 AND CODE > 0)"));

        assertEquals("CHECK ((cast(amount as numeric) >= 0 and code > 0))", translate(new H2Dialect(),
                new SqliteDialect(), schema(List.of(), List.of(), items)).schema().tables().get(0).checks().get(0)
                .definition(), "SQLite compares text with a number as text");
        assertEquals("CHECK ((`amount` >= 0 and `code` > 0))", translate(new H2Dialect(), new MariaDbDialect(),
                schema(List.of(), List.of(), items)).schema().tables().get(0).checks().get(0).definition());
    }

    /**
     * Wherever the column's number is read, in comparisons, function arguments and arithmetic; not where its text is
     * (length(), LIKE, ||), which sees it as in the source.
     */
    @Test
    void decimalsAreCastWhereTheirNumberIsRead() throws SQLException {
        Table items = items(h2("ID", "INTEGER", Types.INTEGER, null), new KeyConstraint(null, List.of("ID")),
                new CheckConstraint("SHAPE", "CHECK(LENGTH(AMOUNT) < 20 AND AMOUNT LIKE '%.__' AND 0 <= AMOUNT"
                        + " AND AMOUNT BETWEEN -1 AND 1000000 AND AMOUNT NOT IN (13, 14) AND AMOUNT<>7"
                        + " AND COALESCE(AMOUNT, 0) < 100 AND AMOUNT * 2 < 300 AND AMOUNT NOT LIKE '-%')"));
        assertEquals("CHECK ((length(amount) < 20 and amount like '%.__' and 0 <= cast(amount as numeric)"
                + " and cast(amount as numeric) between -1 and 1000000 and cast(amount as numeric) not in (13, 14)"
                + " and cast(amount as numeric) <> 7 and coalesce(cast(amount as numeric), 0) < 100"
                + " and (cast(amount as numeric) * 2) < 300 and amount not like '-%'))",
                translate(new H2Dialect(), new SqliteDialect(), schema(List.of(), List.of(), items)).schema().tables()
                        .get(0).checks().get(0).definition());
    }

    /**
     * SQLite's cast of a decimal column, which it keeps as text, is the column elsewhere; a cast of another column to
     * a decimal without a precision is refused where the target reads it with a fixed scale (MariaDB, H2 round it).
     */
    @Test
    void sqlitesCastOfADecimalColumnIsTheColumnElsewhere() throws SQLException {
        QualifiedName table = new QualifiedName(null, "items");
        Table items = new Table(table, List.of(sqlite("id", "INTEGER"), sqlite("amount", "DECIMAL_TEXT(12,2)"),
                sqlite("code", "TEXT")), new KeyConstraint(null, List.of("id")), List.of(),
                List.of(new CheckConstraint("items_check1", "CHECK (CAST(amount AS NUMERIC) >= 0 AND code <> '')"),
                        new CheckConstraint("items_check2", "CHECK (CAST(code AS NUMERIC) > 0)")));

        SchemaTranslator.Translation intoMariaDb = translate(new SqliteDialect(), new MariaDbDialect(),
                schema(List.of(), List.of(), items));
        assertEquals(List.of("CHECK ((`amount` >= 0 and `code` <> ''))"), intoMariaDb.schema().tables().get(0)
                .checks().stream().map(CheckConstraint::definition).toList());
        assertEquals(List.of("Check constraint items_check2 on items is not carried to mariadb: it casts to a decimal"
                + " without a precision (cast(code as numeric)), which mariadb reads with a fixed scale, rounding what"
                + " PostgreSQL or SQLite keeps (CHECK (CAST(code AS NUMERIC) > 0)); add it in mariadb by hand where it"
                + " can say the same"), intoMariaDb.warnings());
        assertEquals(List.of("CHECK ((\"AMOUNT\" >= 0 and \"CODE\" <> ''))"), translate(new SqliteDialect(),
                new H2Dialect(), schema(List.of(), List.of(), items)).schema().tables().get(0).checks().stream()
                .map(CheckConstraint::definition).toList());
        assertEquals(List.of("CHECK ((\"amount\" >= 0 and \"code\" <> ''))", "CHECK (cast(\"code\" as numeric) > 0)"),
                translate(new SqliteDialect(), new PostgresDialect(), schema(List.of(), List.of(), items)).schema()
                        .tables().get(0).checks().stream().map(CheckConstraint::definition).toList());
    }

    private static Column sqlite(String name, String declared) {
        return new Column(name, declared.replaceAll("\\(.*", ""), Types.OTHER, 0, 0, true, null, null, declared);
    }

    @Test
    void aSequenceThatNumbersOneColumnAloneBecomesItsIdentity() throws SQLException {
        QualifiedName main = new QualifiedName("main", "customers");
        Sequence ids = new Sequence(new QualifiedName("main", "customer_ids"), null, 1, 1, 1, Long.MAX_VALUE, false, 5,
                null);
        Sequence shared = new Sequence(new QualifiedName("main", "shared"), null, 1, 1, 1, Long.MAX_VALUE, false, 9,
                null);
        Table customers = new Table(main, List.of(
                new Column("id", "INTEGER", Types.INTEGER, 32, 0, false, "nextval('customer_ids')", null, "INTEGER"),
                new Column("a", "BIGINT", Types.BIGINT, 64, 0, true, "nextval('shared')", null, "BIGINT"),
                new Column("b", "BIGINT", Types.BIGINT, 64, 0, true, "nextval('shared')", null, "BIGINT")),
                new KeyConstraint(null, List.of("id")), List.of(), List.of());
        SchemaTranslator.Translation translation = translate(new DuckDbDialect(), new SqliteDialect(),
                new DatabaseSchema(List.of("main"), Map.of(), List.of(), List.of(), List.of(ids, shared),
                        List.of(customers), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));

        List<Column> columns = translation.schema().tables().get(0).columns();
        assertEquals(new Identity(false, 1, 1, 5), columns.get(0).identity());
        assertNull(columns.get(0).defaultExpression());
        assertNull(columns.get(1).identity(), "a sequence serving two columns stays a sequence, which SQLite lacks");
        assertEquals(List.of(
                "Sequence main.customer_ids becomes the identity of column main.customers.id, the only column it"
                        + " serves: sqlite has no sequences",
                "Column main.customers.a: its default takes the next value of sequence main.shared, which sqlite"
                        + " cannot: the default is not carried",
                "Column main.customers.b: its default takes the next value of sequence main.shared, which sqlite"
                        + " cannot: the default is not carried",
                "Sequence main.shared is not carried: sqlite has no sequences"), translation.warnings());
        Column intoH2 = translate(new DuckDbDialect(), new H2Dialect(), new DatabaseSchema(List.of("main"), Map.of(),
                List.of(), List.of(), List.of(ids, shared), List.of(customers), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of())).schema().tables().get(0).columns().get(0);
        assertNull(intoH2.identity(), "where the target has sequences, the sequence stays");
        assertEquals("NEXT VALUE FOR \"PUBLIC\".\"CUSTOMER_IDS\"", intoH2.defaultExpression());
    }

    @Test
    void aReferencingIntegerIsAsWideAsTheRowidItRefersTo() throws SQLException {
        QualifiedName customers = new QualifiedName(null, "customers");
        QualifiedName orders = new QualifiedName(null, "orders");
        Table parent = new Table(customers, List.of(new Column("id", "INTEGER", Types.INTEGER, 0, 0, false, null,
                new Identity(false, 1, 1, 5), "INTEGER")), new KeyConstraint(null, List.of("id")), List.of(), List.of());
        Table child = new Table(orders, List.of(sqlite("id", "BIGINT"), sqlite("customer_id", "INT"),
                sqlite("quantity", "INT")), new KeyConstraint(null, List.of("id")), List.of(), List.of());
        ForeignKey key = new ForeignKey("orders_customer", orders, List.of("customer_id"), customers, List.of("id"),
                null, null);
        QualifiedName lines = new QualifiedName(null, "lines");
        Table grandchild = new Table(lines, List.of(sqlite("id", "INTEGER"), sqlite("customer", "SMALLINT")),
                new KeyConstraint(null, List.of("id")), List.of(), List.of());
        ForeignKey inTurn = new ForeignKey("lines_customer", lines, List.of("customer"), orders,
                List.of("customer_id"), null, null);

        DatabaseSchema translated = translate(new SqliteDialect(), new DuckDbDialect(),
                schema(List.of(), List.of(inTurn, key), grandchild, parent, child)).schema();

        assertEquals(List.of("BIGINT", "BIGINT", "INTEGER"), declaredTypes(translated, "orders"),
                "DuckDB refuses a foreign key from INTEGER to BIGINT; a column that refers to nothing keeps its width");
        assertEquals(List.of("BIGINT", "BIGINT"), declaredTypes(translated, "lines"), "a column widened, referred to");
    }

    private static List<String> declaredTypes(DatabaseSchema schema, String table) {
        return schema.tables().stream().filter(t -> t.name().name().equals(table)).findFirst().orElseThrow()
                .columns().stream().map(Column::declaredType).toList();
    }
}
