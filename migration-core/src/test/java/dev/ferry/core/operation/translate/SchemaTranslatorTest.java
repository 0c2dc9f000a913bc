package dev.ferry.core.operation.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.duckdb.DuckDbDialect;
import dev.ferry.core.dialect.h2.H2Dialect;
import dev.ferry.core.dialect.hsqldb.HsqldbDialect;
import dev.ferry.core.dialect.mariadb.MariaDbDialect;
import dev.ferry.core.dialect.postgres.PostgresDialect;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaTranslatorTest {
    private static final QualifiedName ORDERS = new QualifiedName("public", "orders");

    private static DatabaseSchema postgresSchema() {
        Column id = new Column("id", "int4", Types.INTEGER, 10, 0, false,
                "nextval('orders_id_seq'::regclass)", null, "integer");
        Column amount = new Column("amount", "numeric", Types.NUMERIC, 18, 4, true, "0.00", null, "numeric(18,4)");
        Column note = new Column("Note", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, true,
                "'it''s'::text", null, "text");
        Column tags = new Column("tags", "_int4", Types.ARRAY, 10, 0, true, null, null, "integer[]");
        Table orders = new Table(ORDERS, List.of(id, amount, note, tags), new KeyConstraint("orders_pkey", List.of("id")),
                List.of(), List.of(new CheckConstraint("positive", "CHECK ((amount >= (0)::numeric))")));
        Sequence sequence = new Sequence(new QualifiedName("public", "orders_id_seq"), "integer", 1, 1, 1,
                Integer.MAX_VALUE, false, 42, "public.orders.id");
        View view = new View(new QualifiedName("public", "big"),
                " SELECT orders.id, orders.\"Note\"\n   FROM orders\n  WHERE (orders.amount > (100)::numeric);",
                false, Set.of());
        Index expression = new Index("lower_note", ORDERS, false, List.of(),
                "CREATE INDEX lower_note ON public.orders USING btree (lower(\"Note\"))");
        Index plain = new Index("orders_amount", ORDERS, false, List.of(),
                "CREATE INDEX orders_amount ON public.orders USING btree (amount DESC)");
        return new DatabaseSchema(List.of("public"), Map.of(), List.of("CREATE TYPE mood AS ENUM ('a')"), List.of(),
                List.of(sequence), List.of(orders), List.of(), List.of(expression, plain), List.of(view), List.of(),
                List.of(), List.of());
    }

    @Test
    void aPostgresSchemaIsWrittenForH2() throws SQLException {
        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new H2Dialect(), Set.of())
                .translate(postgresSchema());
        DatabaseSchema schema = translation.schema();
        Table orders = schema.tables().get(0);

        assertEquals(new QualifiedName("PUBLIC", "ORDERS"), orders.name());
        assertEquals(List.of("ID", "AMOUNT", "Note", "TAGS"), orders.columns().stream().map(Column::name).toList());
        assertEquals(List.of("INTEGER", "NUMERIC(18, 4)", "CHARACTER VARYING", "INTEGER ARRAY"),
                orders.columns().stream().map(Column::declaredType).toList());
        assertEquals(new Identity(false, 1, 1, 42), orders.columns().get(0).identity(), "the serial, an identity");
        assertNull(orders.columns().get(0).defaultExpression());
        assertEquals(List.of(), schema.sequences(), "the serial's sequence is the identity's now");
        assertEquals("'it''s'", orders.columns().get(2).defaultExpression());
        assertEquals("CHECK (\"AMOUNT\" >= 0)", orders.checks().get(0).definition());
        assertEquals("select \"ORDERS\".\"ID\", \"ORDERS\".\"Note\" from \"ORDERS\" where \"ORDERS\".\"AMOUNT\" > 100",
                schema.views().get(0).query());
        assertEquals(List.of("ORDERS_AMOUNT"), schema.indexes().stream().map(Index::name).toList());
        assertEquals(List.of(new Index.IndexColumn("AMOUNT", true)), schema.indexes().get(0).columns());
        assertTrue(translation.warnings().stream().anyMatch(w -> w.startsWith("Index lower_note on public.orders is not carried")),
                translation.warnings().toString());
        assertTrue(translation.warnings().stream().anyMatch(w -> w.startsWith("Enum type mood is not carried to h2")),
                translation.warnings().toString());
    }

    /**
     * MariaDB keys no TEXT in a primary or foreign key: such columns become VARCHARs of the key's 768 characters less
     * 4 for each other column; unique keys and indexes on text it keys itself.
     */
    @Test
    void actionsMariaDbCannotHoldAreLeftOutWithAWarning() throws SQLException {
        QualifiedName parent = new QualifiedName("public", "parent");
        QualifiedName held = new QualifiedName("public", "held");
        Column id = new Column("id", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column required = new Column("parent_id", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column optional = new Column("other_id", "int4", Types.INTEGER, 10, 0, true, "1", null, "integer");
        Table parentTable = new Table(parent, List.of(id), new KeyConstraint("parent_pkey", List.of("id")), List.of(),
                List.of());
        Table heldTable = new Table(held, List.of(id, required, optional), null, List.of(), List.of());
        ForeignKey setNull = new ForeignKey("held_parent", held, List.of("parent_id"), parent, List.of("id"),
                "CASCADE", "SET NULL");
        ForeignKey setDefault = new ForeignKey("held_other", held, List.of("other_id"), parent, List.of("id"),
                "SET NULL", "SET DEFAULT");
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(), List.of(), List.of(), List.of(),
                List.of(parentTable, heldTable), List.of(setNull, setDefault), List.of(), List.of(), List.of(),
                List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(schema);
        List<ForeignKey> keys = translation.schema().foreignKeys();
        assertEquals("CASCADE", keys.get(0).onUpdate());
        assertNull(keys.get(0).onDelete(), "SET NULL on a NOT NULL column");
        assertEquals("SET NULL", keys.get(1).onUpdate(), "SET NULL on a nullable column is kept");
        assertNull(keys.get(1).onDelete(), "SET DEFAULT");
        List<String> warnings = translation.warnings().stream().filter(w -> w.startsWith("Foreign key")).toList();
        assertEquals(2, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).startsWith("Foreign key held_parent of table public.held (parent_id) references"
                + " public.parent: ON DELETE SET NULL is not carried: mariadb refuses SET NULL on the NOT NULL"
                + " column(s) parent_id."), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Foreign key held_other of table public.held (other_id) references"
                + " public.parent: ON DELETE SET DEFAULT is not carried: mariadb does not keep SET DEFAULT."),
                warnings.get(1));

        SchemaTranslator.Translation intoH2 = new SchemaTranslator(new PostgresDialect(), new H2Dialect(), Set.of())
                .translate(schema);
        assertEquals(List.of("SET NULL", "SET DEFAULT"), intoH2.schema().foreignKeys().stream()
                .map(ForeignKey::onDelete).toList(), "engines that hold the actions keep them");
        assertTrue(intoH2.warnings().stream().noneMatch(w -> w.startsWith("Foreign key")));

        SchemaTranslator.Translation intoDuckDb = new SchemaTranslator(new PostgresDialect(), new DuckDbDialect(),
                Set.of()).translate(schema);
        for (ForeignKey key : intoDuckDb.schema().foreignKeys()) {
            assertNull(key.onUpdate(), key.name());
            assertNull(key.onDelete(), key.name());
        }
        List<String> refused = intoDuckDb.warnings().stream().filter(w -> w.startsWith("Foreign key")).toList();
        assertEquals(4, refused.size(), String.join("\n", refused));
        assertTrue(refused.get(0).startsWith("Foreign key held_parent of table public.held (parent_id) references"
                + " public.parent: ON UPDATE CASCADE is not carried: duckdb refuses it (it takes ON UPDATE NO ACTION"
                + " or RESTRICT alone). The key is created without it, so update of a referenced row that is still"
                + " referenced is refused instead of updating the referencing rows."), refused.get(0));
    }

    /**
     * Into DuckDB, which creates a foreign key only in CREATE TABLE after the table it refers to and checks each row as
     * it loads: a key to its own table, and one key of a cycle, are left out with a warning naming them, their tables
     * (as DuckDB names them, where the rows are checked) and what to do; the tables come referenced ones first.
     */
    @Test
    void keysInACycleAreLeftOutForDuckDb() throws SQLException {
        QualifiedName staff = new QualifiedName("public", "staff");
        QualifiedName store = new QualifiedName("public", "store");
        Column id = new Column("id", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column other = new Column("other_id", "int4", Types.INTEGER, 10, 0, true, null, null, "integer");
        Table staffTable = new Table(staff, List.of(id, other), new KeyConstraint("staff_pkey", List.of("id")),
                List.of(), List.of());
        Table storeTable = new Table(store, List.of(id, other), new KeyConstraint("store_pkey", List.of("id")),
                List.of(), List.of());
        ForeignKey staffStore = new ForeignKey("staff_store_id_fkey", staff, List.of("other_id"), store,
                List.of("id"), null, null);
        ForeignKey storeStaff = new ForeignKey("store_manager_staff_id_fkey", store, List.of("other_id"), staff,
                List.of("id"), null, null);
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(), List.of(), List.of(), List.of(),
                List.of(staffTable, storeTable), List.of(staffStore, storeStaff), List.of(), List.of(), List.of(),
                List.of(), List.of());

        SchemaTranslator.Translation intoDuckDb = new SchemaTranslator(new PostgresDialect(), new DuckDbDialect(),
                Set.of()).translate(schema);
        assertEquals(List.of("staff_store_id_fkey"),
                intoDuckDb.schema().foreignKeys().stream().map(ForeignKey::name).toList());
        assertEquals(List.of("store", "staff"), intoDuckDb.schema().tables().stream().map(t -> t.name().name())
                .toList());
        List<String> warnings = intoDuckDb.warnings().stream().filter(w -> w.startsWith("Foreign key")).toList();
        assertEquals(List.of("Foreign key store_manager_staff_id_fkey of table main.store (other_id) references"
                + " main.staff (id) and is not carried: it closes a cycle of foreign keys between main.store and"
                + " main.staff,"
                + " and duckdb creates a foreign key only in CREATE TABLE, after the table it refers to, and checks"
                + " each row's keys as it loads (it cannot add the key after the data, nor defer it). The rows are"
                + " loaded without it; after the import, find rows it would refuse with a query (main.store rows"
                + " whose other_id has no match in main.staff), and enforce it in the application"), warnings);

        SchemaTranslator.Translation intoSqlite = new SchemaTranslator(new PostgresDialect(),
                new dev.ferry.core.dialect.sqlite.SqliteDialect(), Set.of()).translate(schema);
        assertEquals(2, intoSqlite.schema().foreignKeys().size(), "SQLite turns the checks off while loading");
    }

    @Test
    void textInKeysIsBoundedForMariaDb() throws SQLException {
        QualifiedName codes = new QualifiedName("public", "codes");
        QualifiedName uses = new QualifiedName("public", "uses");
        Column tenant = new Column("tenant", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column code = new Column("code", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, false, null, null, "text");
        Column label = new Column("label", "varchar", Types.VARCHAR, 2000, 0, true, null, null,
                "character varying(2000)");
        Column note = new Column("note", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, true, null, null, "text");
        Table codesTable = new Table(codes, List.of(tenant, code, label, note),
                new KeyConstraint("codes_pkey", List.of("tenant", "code")),
                List.of(new KeyConstraint("codes_label", List.of("label"))), List.of());
        Table usesTable = new Table(uses, List.of(tenant, code), null, List.of(), List.of());
        ForeignKey reference = new ForeignKey("uses_code", uses, List.of("tenant", "code"), codes,
                List.of("tenant", "code"), null, null);
        Index byNote = new Index("codes_note", codes, false, List.of(new Index.IndexColumn("note", false)), null);
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(), List.of(), List.of(), List.of(),
                List.of(codesTable, usesTable), List.of(reference), List.of(byNote), List.of(), List.of(), List.of(),
                List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(schema);
        assertEquals(List.of("int", "varchar(764)", "varchar(2000)", "longtext"), translation.schema().tables().get(0)
                .columns().stream().map(Column::declaredType).toList());
        assertEquals(List.of("int", "varchar(764)"), translation.schema().tables().get(1).columns().stream()
                .map(Column::declaredType).toList(), "a foreign key's column as its referenced column");
        assertEquals(List.of("Column public.codes.code is in a primary or foreign key, where mariadb holds at most 768"
                        + " characters of text: it becomes VARCHAR(764), and a longer value stops the import",
                "Column public.uses.code is in a primary or foreign key, where mariadb holds at most 768 characters of"
                        + " text: it becomes VARCHAR(764), and a longer value stops the import"),
                translation.warnings().stream().filter(w -> w.contains("in a primary or foreign key")).toList());

        SchemaTranslator.Translation intoH2 = new SchemaTranslator(new PostgresDialect(), new H2Dialect(), Set.of())
                .translate(schema);
        assertEquals("CHARACTER VARYING", intoH2.schema().tables().get(0).columns().get(1).declaredType(),
                "engines that key text of any length keep it");
    }

    @Test
    void aPostgresArrayIntoMariaDbIsTextWithAWarningNamingTheColumn() throws SQLException {
        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(postgresSchema());
        Table orders = translation.schema().tables().get(0);

        assertNull(orders.name().schema(), "public is MariaDB's current database");
        assertEquals("longtext", orders.columns().get(3).declaredType());
        assertEquals(List.of("Column public.orders.tags (integer[] in postgresql) becomes longtext in mariadb: no"
                + " INTEGER ARRAY type here: its values are kept as text"),
                translation.warnings().stream().filter(w -> w.startsWith("Column")).toList());
        assertEquals("AUTO_INCREMENT", new MariaDbDialect().identityClause(orders.columns().get(0).identity()));
    }

    @Test
    void mariaDbNamesBooleansAndTheImplicitDatabaseAreWrittenForPostgres() throws SQLException {
        QualifiedName table = new QualifiedName(null, "Items");
        Column flag = new Column("Active", "tinyint(1)", Types.BIT, 1, 0, false, "1", null, null);
        Column price = new Column("price", "bigint(20) unsigned", Types.BIGINT, 20, 0, true, null, null, null);
        Column stamp = new Column("at", "datetime(3)", Types.TIMESTAMP, 23, 3, true, "current_timestamp(3)", null, null);
        Table items = new Table(table, List.of(flag, price, stamp), new KeyConstraint("PRIMARY", List.of("price")),
                List.of(), List.of());
        Table other = new Table(new QualifiedName(null, "other"), List.of(price),
                new KeyConstraint("PRIMARY", List.of("price")), List.of(), List.of());
        View view = new View(new QualifiedName(null, "v"),
                "select `shop`.`Items`.`Active` AS `Active` from `shop`.`Items` where `shop`.`Items`.`price` > 'it\\'s'",
                false, Set.of());
        DatabaseSchema schema = new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of(items, other), List.of(), List.of(), List.of(view), List.of(), List.of(), List.of());

        DatabaseSchema translated = new SchemaTranslator(new MariaDbDialect(), new PostgresDialect(), Set.of("shop"))
                .translate(schema).schema();

        Table result = translated.tables().get(0);
        assertEquals(new QualifiedName("public", "items"), result.name());
        assertEquals(List.of("boolean", "numeric(20,0)", "timestamp(3) without time zone"),
                result.columns().stream().map(Column::declaredType).toList());
        assertEquals("TRUE", result.columns().get(0).defaultExpression());
        assertEquals("current_timestamp(3)", result.columns().get(2).defaultExpression(),
                "a function with arguments is kept as written");
        assertEquals("items_primary", result.primaryKey().name());
        assertEquals("other_primary", translated.tables().get(1).primaryKey().name());
        assertEquals("select \"items\".\"active\" as \"active\" from \"items\" where \"items\".\"price\" > 'it''s'",
                translated.views().get(0).query());
    }

    /**
     * HSQLDB's columns by the types it declares, its checks without qualifiers; a view that names its columns otherwise
     * than its query comes with its whole CREATE VIEW, whose column list does not travel (a warning says so).
     */
    @Test
    void anHsqldbSchemaIsWrittenForPostgres() throws SQLException {
        QualifiedName orders = new QualifiedName("SALES", "ORDERS");
        Column id = new Column("ID", "BIGINT", Types.BIGINT, 64, 0, false, null, new Identity(true, 100, 5, 115), "BIGINT");
        Column placed = new Column("PLACED", "TIMESTAMP", Types.TIMESTAMP, 23, 3, true, null, null, "TIMESTAMP(3)");
        Column tags = new Column("TAGS", "VARCHAR(10) ARRAY", Types.ARRAY, 0, 0, true, null, null, "VARCHAR(10) ARRAY");
        Column total = new Column("TOTAL", "DECIMAL", Types.DECIMAL, 12, 2, true, null, null, "DECIMAL(12,2)");
        Table table = new Table(orders, List.of(id, placed, tags, total), new KeyConstraint("SYS_PK_10098", List.of("ID")),
                List.of(), List.of(new CheckConstraint("SYS_CT_10107", "CHECK (TOTAL>=0)")));
        View renamed = new View(new QualifiedName("SALES", "TOTALS"), "CREATE VIEW \"SALES\".\"TOTALS\" (\"CUSTOMER\","
                + " \"SPENT\") AS SELECT ID,SUM(TOTAL)FROM SALES.ORDERS GROUP BY ID", false, Set.of());
        DatabaseSchema schema = new DatabaseSchema(List.of("SALES"), Map.of(), List.of(), List.of(), List.of(),
                List.of(table), List.of(), List.of(), List.of(renamed), List.of(), List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new HsqldbDialect(), new PostgresDialect(),
                Set.of()).translate(schema);

        Table result = translation.schema().tables().get(0);
        assertEquals(List.of("bigint", "timestamp(3) without time zone", "character varying(10)[]", "numeric(12,2)"),
                result.columns().stream().map(Column::declaredType).toList());
        assertEquals("CHECK (\"total\" >= 0)", result.checks().get(0).definition());
        assertEquals("select \"id\", sum(\"total\") from \"sales\".\"orders\" group by \"id\"",
                translation.schema().views().get(0).query());
        assertEquals(List.of("customer", "spent"), translation.schema().views().get(0).columns(),
                "the view's own column names, as PostgreSQL reads them without quotes");
        assertEquals("CREATE VIEW \"sales\".\"totals\" (\"customer\", \"spent\") AS select \"id\", sum(\"total\")"
                + " from \"sales\".\"orders\" group by \"id\"", new PostgresDialect().createView(translation.schema().views()
                .get(0)));
    }

    /**
     * MariaDB's {@code TIMESTAMP ... ON UPDATE CURRENT_TIMESTAMP} (every last_update of Sakila) is a timestamp with its
     * default in PostgreSQL, kept current by a trigger of Ferry's; into an engine without such triggers (DuckDB) the
     * ON UPDATE is left out with a warning naming the column and what to write instead.
     */
    @Test
    void aMariaDbOnUpdateTimestampIsATimestampAndATriggerInPostgres() throws SQLException {
        QualifiedName actor = new QualifiedName(null, "actor");
        Column id = new Column("actor_id", "int(10) unsigned", Types.BIGINT, 10, 0, false, null, null, null);
        Column lastUpdate = new Column("last_update", "timestamp ON UPDATE current_timestamp()", Types.TIMESTAMP, 19, 0,
                false, "current_timestamp()", null, null);
        Column noted = new Column("note", "varchar(10) COMMENT 'on update'", Types.VARCHAR, 10, 0, true, null, null,
                null);
        Table table = new Table(actor, List.of(id, lastUpdate, noted), new KeyConstraint("PRIMARY", List.of("actor_id")),
                List.of(), List.of());
        DatabaseSchema schema = new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of(table), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new MariaDbDialect(), new PostgresDialect(),
                Set.of("sakila")).translate(schema);

        Table result = translation.schema().tables().get(0);
        assertEquals(List.of("bigint", "timestamp(0) without time zone", "character varying(10)"),
                result.columns().stream().map(Column::declaredType).toList());
        assertEquals("current_timestamp", result.columns().get(1).defaultExpression());
        assertEquals(List.of(), translation.warnings());
        assertEquals(List.of("CREATE FUNCTION \"public\".\"actor_last_update_on_update\"() RETURNS trigger LANGUAGE"
                + " plpgsql AS $ferry$\nBEGIN\n    IF NEW IS DISTINCT FROM OLD AND NEW.\"last_update\" IS NOT DISTINCT FROM"
                + " OLD.\"last_update\" THEN\n        NEW.\"last_update\" := current_timestamp;\n    END IF;\n"
                + "    RETURN NEW;\nEND\n$ferry$"), translation.schema().routines());
        assertEquals(List.of("CREATE TRIGGER \"actor_last_update_on_update\" BEFORE UPDATE ON \"public\".\"actor\""
                + " FOR EACH ROW EXECUTE FUNCTION \"public\".\"actor_last_update_on_update\"()"),
                translation.schema().triggers());

        SchemaTranslator.Translation intoDuckDb = new SchemaTranslator(new MariaDbDialect(), new DuckDbDialect(),
                Set.of("sakila")).translate(schema);
        assertEquals(List.of("Column actor.last_update has ON UPDATE current_timestamp() in mariadb, which duckdb"
                + " has not: the column is carried with its type and default, but an update leaves its value as it"
                + " was; to keep it current, write a BEFORE UPDATE trigger on actor that sets it, or set it in the"
                + " application"), intoDuckDb.warnings());
        assertEquals(List.of(), intoDuckDb.schema().triggers());
    }

    /**
     * A generated column's expression and a CHECK are written with their meaning: PostgreSQL's {@code ||}, which
     * MariaDB reads as OR (the generated column held 0 for every row), is MariaDB's {@code concat}, and the CHECK's
     * {@code = ANY (ARRAY[...])} an IN list. What cannot be written with its meaning is left out with a warning: a
     * generated column with it (its values are not in the data files), a CHECK alone.
     */
    @Test
    void generatedColumnsAndChecksAreWrittenWithTheirMeaningOrLeftOut() throws SQLException {
        QualifiedName people = new QualifiedName("public", "people");
        Column first = new Column("first_name", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, false, null, null, "text");
        Column last = new Column("last_name", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, false, null, null, "text");
        Column full = new Column("full_name", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, true, null, null, "text",
                null, "GENERATED ALWAYS AS (((first_name || ' '::text) || last_name)) STORED");
        Column initials = new Column("initials", "text", Types.VARCHAR, Integer.MAX_VALUE, 0, true, null, null, "text",
                null, "GENERATED ALWAYS AS (regexp_replace(first_name, '[a-z]', '', 'g')) STORED");
        Table table = new Table(people, List.of(first, last, full, initials), null, List.of(),
                List.of(new CheckConstraint("people_rating", "CHECK ((first_name = ANY (ARRAY['a'::text, 'b'::text])))"),
                        new CheckConstraint("people_shape", "CHECK ((last_name ~ '^[A-Z]'::text))")));
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(), List.of(), List.of(), List.of(),
                List.of(table), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(schema);

        Table result = translation.schema().tables().get(0);
        assertEquals(List.of("first_name", "last_name", "full_name"), result.columns().stream().map(Column::name)
                .toList());
        assertEquals("GENERATED ALWAYS AS (concat(concat(cast(`first_name` as char), ' '), cast(`last_name` as char)))"
                + " STORED",
                result.columns().get(2).generated());
        assertEquals(List.of("CHECK (`first_name` in ('a', 'b'))"), result.checks().stream()
                .map(CheckConstraint::definition).toList());
        assertEquals(List.of("Column public.people.initials is not carried to mariadb: it is generated as"
                        + " regexp_replace(first_name, '[a-z]', '', 'g'), and it uses regexp replace (regexp_replace("
                        + "first_name, '[a-z]', '')), which Ferry does not translate between engines; add the column"
                        + " in mariadb by hand, computed the target's way",
                "Check constraint people_shape on public.people is not carried to mariadb: it uses regexp like"
                        + " ((last_name like_regex cast('^[A-Z]' as clob))), which Ferry does not translate between"
                        + " engines"
                        + " (CHECK ((last_name ~ '^[A-Z]'::text))); add it in mariadb by hand where it can say the same"),
                translation.warnings());
    }

    /**
     * A column of a PostgreSQL domain (Sakila's {@code film.release_year year}, a domain over integer with a CHECK) is
     * a column of the domain's base type elsewhere, with the domain's NOT NULL, default and CHECK ({@code VALUE} read as
     * the column); it was text before, with a warning.
     */
    @Test
    void aDomainsColumnIsItsBaseTypeWithItsCheckElsewhere() throws SQLException {
        QualifiedName film = new QualifiedName("public", "film");
        Column id = new Column("film_id", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column year = new Column("release_year", "year", Types.INTEGER, 10, 0, true, null, null, "year");
        Column code = new Column("code", "\"Code\"", Types.VARCHAR, 5, 0, true, null, null, "\"Code\"");
        Table table = new Table(film, List.of(id, year, code), new KeyConstraint("film_pkey", List.of("film_id")),
                List.of(), List.of());
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(), List.of(
                "CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))",
                "CREATE DOMAIN public.\"Code\" AS character varying(5) DEFAULT 'x'::character varying NOT NULL"),
                List.of(), List.of(), List.of(table), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(schema);

        Table result = translation.schema().tables().get(0);
        assertEquals(List.of("int", "int", "varchar(5)"), result.columns().stream().map(Column::declaredType)
                .toList());
        assertEquals(List.of("CHECK ((`release_year` >= 1901 and `release_year` <= 2155))"),
                result.checks().stream().map(CheckConstraint::definition).toList());
        assertEquals("'x'", result.columns().get(2).defaultExpression());
        assertEquals(false, result.columns().get(2).nullable());
        assertEquals(List.of("Domain public.year is not carried to mariadb as a type: its columns are integer there,"
                        + " with its checks as their tables' checks; create the domain in mariadb by hand where it has"
                        + " domains",
                "Domain public.Code is not carried to mariadb as a type: its columns are character varying(5) there,"
                        + " NOT NULL; create the domain in mariadb by hand where it has domains"),
                translation.warnings());
    }

    /**
     * A column of a PostgreSQL enum (Sakila's {@code film.rating mpaa_rating}) is a varchar of its longest label with a
     * CHECK allowing its labels alone (it was a longtext that took any text); the type is a warning that says the
     * column now sorts as text.
     */
    @Test
    void anEnumsColumnIsAVarcharWithACheckOfItsLabelsElsewhere() throws SQLException {
        QualifiedName film = new QualifiedName("public", "film");
        Column id = new Column("film_id", "int4", Types.INTEGER, 10, 0, false, null, null, "integer");
        Column rating = new Column("rating", "mpaa_rating", Types.VARCHAR, Integer.MAX_VALUE, 0, true,
                "'G'::mpaa_rating", null, "mpaa_rating");
        Table table = new Table(film, List.of(id, rating), new KeyConstraint("film_pkey", List.of("film_id")),
                List.of(), List.of());
        DatabaseSchema schema = new DatabaseSchema(List.of("public"), Map.of(),
                List.of("CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17')"), List.of(),
                List.of(), List.of(table), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        SchemaTranslator.Translation translation = new SchemaTranslator(new PostgresDialect(), new MariaDbDialect(),
                Set.of()).translate(schema);

        Table result = translation.schema().tables().get(0);
        assertEquals("varchar(5)", result.columns().get(1).declaredType());
        assertEquals("'G'", result.columns().get(1).defaultExpression());
        assertEquals(List.of("CHECK (`rating` in ('G', 'PG', 'PG-13', 'R', 'NC-17'))"), result.checks().stream()
                .map(CheckConstraint::definition).toList());
        assertEquals(List.of("Enum type public.mpaa_rating is not carried to mariadb as a type: its columns are"
                + " varchar(5) there, with a check allowing its labels alone ('G', 'PG', 'PG-13', 'R', 'NC-17'); they"
                + " sort as text there, not in the labels' order"), translation.warnings());
    }

    /**
     * MariaDB names indexes per table (Sakila's idx_fk_film_id is on film_actor and on inventory); PostgreSQL and H2 per
     * schema: a name taken already is prefixed with its table's, with a warning naming both names.
     */
    @Test
    void indexNamesReusedAcrossTablesAreRenamedWhereTheTargetNamesThemPerSchema() throws SQLException {
        Column film = new Column("film_id", "int(11)", Types.INTEGER, 10, 0, false, null, null, null);
        QualifiedName filmActor = new QualifiedName(null, "film_actor");
        QualifiedName inventory = new QualifiedName(null, "inventory");
        List<Table> tables = List.of(new Table(filmActor, List.of(film), null, List.of(), List.of()),
                new Table(inventory, List.of(film), null, List.of(), List.of()));
        List<Index> indexes = List.of(
                new Index("idx_fk_film_id", filmActor, false, List.of(new Index.IndexColumn("film_id", false)), null),
                new Index("idx_fk_film_id", inventory, false, List.of(new Index.IndexColumn("film_id", false)), null));
        DatabaseSchema schema = new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(), List.of(), tables,
                List.of(), indexes, List.of(), List.of(), List.of(), List.of());

        SchemaTranslator.Translation postgres = new SchemaTranslator(new MariaDbDialect(), new PostgresDialect(),
                Set.of("sakila")).translate(schema);
        SchemaTranslator.Translation h2 = new SchemaTranslator(new MariaDbDialect(), new H2Dialect(),
                Set.of("sakila")).translate(schema);

        assertEquals(List.of("idx_fk_film_id", "inventory_idx_fk_film_id"),
                postgres.schema().indexes().stream().map(Index::name).toList());
        assertEquals(List.of("Index idx_fk_film_id on inventory is renamed inventory_idx_fk_film_id in postgresql,"
                + " where index names are unique in a schema and film_actor has an index idx_fk_film_id"),
                postgres.warnings());
        assertEquals(List.of("IDX_FK_FILM_ID", "INVENTORY_IDX_FK_FILM_ID"),
                h2.schema().indexes().stream().map(Index::name).toList());
    }
}
