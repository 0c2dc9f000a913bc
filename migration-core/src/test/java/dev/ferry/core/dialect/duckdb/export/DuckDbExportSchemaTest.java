package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB 1.4 builds a schema with several schemas, user types, sequences, keys, foreign keys, checks, defaults,
 * indexes, views and macros, and exports it; the model read from the export is compared with what DuckDB's own
 * catalog (its JDBC metadata and {@code duckdb_*()} functions) says of the live database.
 */
class DuckDbExportSchemaTest {
    @TempDir
    static Path temp;

    private static DuckDb source;
    private static DatabaseSchema schema;
    private static String schemaScript;

    @BeforeAll
    static void exportAndRead() throws Exception {
        source = DuckDb.inMemory().execute(
                "CREATE SCHEMA sales",
                "CREATE SCHEMA \"Odd Schema\"",
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s happy')",
                "CREATE TYPE sales.size AS ENUM ('S', 'M', 'L')",
                "CREATE SEQUENCE order_ids START 100 INCREMENT 5 MAXVALUE 10000",
                "CREATE SEQUENCE sales.countdown START -1 INCREMENT -3 MINVALUE -100 MAXVALUE -1 CYCLE",
                "CREATE SEQUENCE untouched START 7",
                "SELECT nextval('order_ids'), nextval('order_ids'), nextval('sales.countdown')",
                "CREATE TABLE sales.customers(id INTEGER PRIMARY KEY, email VARCHAR UNIQUE,"
                        + " name VARCHAR NOT NULL DEFAULT 'anonymous', tier sales.size, nick VARCHAR COLLATE NOCASE)",
                "CREATE TABLE sales.orders(id INTEGER DEFAULT nextval('order_ids') PRIMARY KEY,"
                        + " customer INTEGER REFERENCES sales.customers(id), total DECIMAL(18,4) CHECK (total >= 0),"
                        + " placed TIMESTAMP DEFAULT current_timestamp, \"weird \"\"name\"\"\" VARCHAR, m mood,"
                        + " double_total DECIMAL(18,4) GENERATED ALWAYS AS (total * 2) VIRTUAL,"
                        + " CHECK (total < 1000000), UNIQUE (customer, placed))",
                "CREATE TABLE \"Odd Schema\".\"Odd Table\"(a INTEGER, b INTEGER, PRIMARY KEY (a, b))",
                "CREATE TABLE sales.lines(order_id INTEGER, line INTEGER, qty INTEGER CHECK (qty > 0),"
                        + " PRIMARY KEY (order_id, line), FOREIGN KEY (order_id) REFERENCES sales.orders(id))",
                "CREATE TABLE \"Odd Schema\".odd_ref(a INTEGER, b INTEGER, FOREIGN KEY (a, b) REFERENCES \"Odd Schema\".\"Odd Table\"(a, b))",
                "CREATE TABLE tree(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES tree(id))",
                "CREATE TABLE \"Odd Schema\".words(\"key\" INT, \"foreign\" INT, \"check\" INT, \"unique\" INT,"
                        + " \"primary\" INT, \"default\" INT, \"collate\" INT, \"references\" INT, \"not\" INT,"
                        + " \"null\" INT, \"generated\" INT, \"as\" INT, \"constraint\" INT, \"Mixed\" INT,"
                        + " \"with space\" INT, \"ünï 😀\" INT, \"a.b\" INT)",
                "CREATE INDEX orders_placed ON sales.orders(placed)",
                "CREATE UNIQUE INDEX \"odd index\" ON sales.orders(\"weird \"\"name\"\"\", total)",
                "CREATE INDEX lines_expr ON sales.lines((qty * 2))",
                "CREATE VIEW b_base AS SELECT id, total FROM sales.orders",
                "CREATE VIEW a_top AS SELECT * FROM b_base WHERE total > 10",
                "CREATE VIEW sales.summary AS SELECT count(*) AS n FROM main.a_top",
                "CREATE VIEW \"Odd Schema\".\"Odd View\" (\"x y\") AS SELECT a FROM \"Odd Schema\".\"Odd Table\"",
                "CREATE MACRO add_tax(x) AS x * 1.2",
                "CREATE MACRO recent(n) AS TABLE SELECT * FROM sales.orders LIMIT n");
        Path export = temp.resolve("export");
        source.export(export, "");
        schemaScript = Files.readString(export.resolve("schema.sql"));
        schema = DuckDbExport.read(export).schema();
    }

    @Test
    void schemasOtherThanMainAreListed() throws SQLException {
        List<String> live = source.rows("SELECT schema_name FROM duckdb_schemas() WHERE NOT internal"
                + " AND schema_name <> 'main' ORDER BY schema_name").stream().map(row -> row.get(0)).toList();
        assertEquals(List.of("Odd Schema", "sales"), live);
        assertEquals(live, schema.schemas());
    }

    @Test
    void tablesAreThoseOfTheDatabase() throws SQLException {
        Set<String> live = new TreeSet<>();
        for (List<String> row : source.rows("SELECT schema_name, table_name FROM duckdb_tables()")) {
            live.add(row.get(0) + "." + row.get(1));
        }
        assertEquals(live, schema.tables().stream().map(t -> t.name().toString())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Type name, JDBC code, size, scale, nullability and default as DuckDB's driver reports them. */
    @Test
    void columnsAreAsDuckDbsDriverDescribesThem() throws SQLException {
        for (Table table : schema.tables()) {
            List<String> live = new ArrayList<>();
            try (ResultSet columns = source.connection().getMetaData()
                    .getColumns(null, table.name().schema(), table.name().name(), "%")) {
                while (columns.next()) {
                    String name = columns.getString("COLUMN_NAME");
                    // The driver reports a generated column's expression as its default.
                    boolean generated = table.columns().stream().anyMatch(c -> c.name().equals(name) && c.isGenerated());
                    live.add(name + " " + columns.getString("TYPE_NAME") + " "
                            + columns.getInt("DATA_TYPE") + " " + columns.getInt("COLUMN_SIZE") + " "
                            + columns.getInt("DECIMAL_DIGITS") + " " + columns.getString("IS_NULLABLE") + " "
                            + (generated ? "generated " + columns.getString("COLUMN_DEF") : columns.getString("COLUMN_DEF")));
                }
            }
            List<String> read = table.columns().stream().map(c -> c.name() + " " + c.typeName() + " " + c.jdbcType()
                    + " " + c.size() + " " + c.scale() + " " + (c.nullable() ? "YES" : "NO") + " "
                    + (c.isGenerated() ? "generated CAST(" + c.generated().replaceAll("^GENERATED ALWAYS AS\\((.*)\\)$", "$1")
                    + " AS " + c.typeName() + ")" : c.defaultExpression())).toList();
            assertEquals(live, read, table.name().toString());
        }
    }

    @Test
    void userTypesAreTheirDefinitionsOnColumnsAndRepairedStatements() throws SQLException {
        Table orders = table("sales", "orders");
        assertEquals("ENUM('sad', 'ok', 'it''s happy')", column(orders, "m").typeName());
        assertEquals("ENUM('S', 'M', 'L')", column(table("sales", "customers"), "tier").typeName());
        assertTrue(schemaScript.contains("ENUM ( 'sad', 'ok', 'it's happy' )"),
                "DuckDB writes the label's quote undoubled: " + schemaScript);
        assertEquals(2, schema.types().size());
        try (DuckDb fresh = DuckDb.inMemory()) {
            fresh.execute("CREATE SCHEMA sales");
            for (String type : schema.types()) {
                fresh.execute(type);
            }
            assertEquals(List.of(List.of("[sad, ok, 'it\\'s happy']")),
                    fresh.rows("SELECT enum_range(NULL::mood)::VARCHAR"));
            assertEquals(List.of(List.of("[S, M, L]")), fresh.rows("SELECT enum_range(NULL::sales.size)::VARCHAR"));
        }
        assertTrue(warningAbout("Type main.mood"));
        assertTrue(warningAbout("Type sales.size"));
    }

    @Test
    void collationIsKeptForDuckDbWithAWarning() {
        Column nick = column(table("sales", "customers"), "nick");
        assertEquals("VARCHAR", nick.typeName());
        assertEquals("VARCHAR COLLATE NOCASE", nick.declaredType());
        assertTrue(warningAbout("COLLATE NOCASE"));
    }

    @Test
    void generatedColumnKeepsItsExpressionAndIsNoDataColumn() {
        Table orders = table("sales", "orders");
        assertEquals("GENERATED ALWAYS AS((total * 2))", column(orders, "double_total").generated());
        assertTrue(orders.dataColumns().stream().noneMatch(c -> c.name().equals("double_total")));
    }

    @Test
    void keysAreThoseOfDuckDbsCatalog() throws SQLException {
        Map<String, String> live = new TreeMap<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || table_name, constraint_type,"
                + " constraint_column_names::VARCHAR FROM duckdb_constraints()"
                + " WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY ALL")) {
            live.merge(row.get(0) + " " + row.get(1), row.get(2), (a, b) -> a + " " + b);
        }
        Map<String, String> read = new TreeMap<>();
        for (Table table : schema.tables()) {
            if (table.primaryKey() != null) {
                read.put(table.name() + " PRIMARY KEY", columnList(table.primaryKey()));
            }
            for (KeyConstraint unique : table.uniqueKeys().stream()
                    .sorted((a, b) -> columnList(a).compareTo(columnList(b))).toList()) {
                read.merge(table.name() + " UNIQUE", columnList(unique), (a, b) -> a + " " + b);
            }
        }
        assertEquals(live, read);
    }

    @Test
    void foreignKeysAreThoseOfDuckDbsCatalogButTheOneDuckDbLeftOut() throws SQLException {
        Set<String> live = new TreeSet<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || table_name, constraint_column_names::VARCHAR,"
                + " referenced_table, referenced_column_names::VARCHAR FROM duckdb_constraints()"
                + " WHERE constraint_type = 'FOREIGN KEY'")) {
            live.add(row.get(0) + " " + row.get(1) + " -> " + row.get(2) + " " + row.get(3));
        }
        Set<String> read = new TreeSet<>();
        for (ForeignKey key : schema.foreignKeys()) {
            read.add(key.table() + " " + key.columns().toString() + " -> " + key.referencedTable().name() + " "
                    + key.referencedColumns());
        }
        assertTrue(live.remove("main.tree [parent] -> tree [id]"), live.toString());
        assertEquals(live, read);
        assertTrue(schemaScript.contains("CREATE TABLE tree(id INTEGER PRIMARY KEY, parent INTEGER, );"),
                "DuckDB leaves the self-reference out: " + schemaScript);
        assertTrue(warningAbout("main.tree ends with a comma"));
        assertEquals(new QualifiedName("Odd Schema", "Odd Table"), schema.foreignKeys().stream()
                .filter(k -> k.table().name().equals("odd_ref")).findFirst().orElseThrow().referencedTable());
    }

    @Test
    void checksAreNamedAndWrittenAsDuckDbsCatalogHasThem() throws SQLException {
        Map<String, String> live = new TreeMap<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || table_name, constraint_name,"
                + " constraint_text FROM duckdb_constraints() WHERE constraint_type = 'CHECK'")) {
            live.put(row.get(0) + " " + row.get(2), row.get(1));
        }
        assertEquals(List.of("orders_total_check", "orders_total_check"), live.entrySet().stream()
                .filter(e -> e.getKey().startsWith("sales.orders")).map(Map.Entry::getValue).toList(),
                "DuckDB gives two checks the same name");
        Map<String, String> read = new TreeMap<>();
        for (Table table : schema.tables()) {
            Set<String> names = new HashSet<>();
            for (CheckConstraint check : table.checks()) {
                read.put(table.name() + " " + check.definition(), check.name());
                assertTrue(names.add(check.name()), "unique within " + table.name() + ": " + check.name());
            }
        }
        assertEquals(live.keySet(), read.keySet());
        for (Map.Entry<String, String> check : read.entrySet()) {
            String duckDbName = live.get(check.getKey());
            assertTrue(check.getValue().equals(duckDbName) || check.getValue().matches(duckDbName + "_\\d+"),
                    check + " named as DuckDB names it, " + duckDbName);
        }
    }

    /** DuckDB writes the value a sequence gives next as its START. */
    @Test
    void sequencesStartWhereTheyStood() throws SQLException {
        Map<String, String> live = new TreeMap<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || sequence_name, increment_by, min_value,"
                + " max_value, cycle, coalesce(last_value + increment_by, start_value) FROM duckdb_sequences()")) {
            live.put(row.get(0), String.join(" ", row.subList(1, row.size())));
        }
        Map<String, String> read = new TreeMap<>();
        for (Sequence sequence : schema.sequences()) {
            assertEquals(sequence.start(), sequence.next());
            read.put(sequence.name().toString(), sequence.increment() + " " + sequence.minimum() + " "
                    + sequence.maximum() + " " + sequence.cycle() + " " + sequence.next());
        }
        assertEquals(live, read);
        assertEquals(Map.of("main.order_ids", 110L, "sales.countdown", -4L, "main.untouched", 7L),
                schema.sequences().stream().collect(Collectors.toMap(s -> s.name().toString(), Sequence::next)));
    }

    @Test
    void indexesAreThoseOfDuckDbsCatalog() throws SQLException {
        Set<String> live = new TreeSet<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || table_name, index_name, is_unique,"
                + " array_to_string(expressions, ' | ') FROM duckdb_indexes()")) {
            live.add(String.join(" ", row));
        }
        Set<String> read = new TreeSet<>();
        for (Index index : schema.indexes()) {
            String expressions = index.definition() != null ? index.definition()
                    .substring(index.definition().indexOf("((") + 1, index.definition().lastIndexOf(')'))
                    : index.columns().stream().map(c -> c.name().contains(" ") ? "\"" + c.name().replace("\"", "\"\"")
                    + "\"" : c.name()).collect(Collectors.joining(" | "));
            read.add(index.table() + " " + index.name() + " " + index.unique() + " " + expressions);
        }
        assertEquals(live, read);
        assertEquals("CREATE INDEX lines_expr ON sales.lines(((qty * 2)))", schema.indexes().stream()
                .filter(i -> i.name().equals("lines_expr")).findFirst().orElseThrow().definition());
    }

    @Test
    void viewsComeAfterTheViewsTheyRead() throws SQLException {
        Set<String> live = new TreeSet<>();
        for (List<String> row : source.rows("SELECT schema_name || '.' || view_name FROM duckdb_views()"
                + " WHERE NOT internal")) {
            live.add(row.get(0));
        }
        assertEquals(live, schema.views().stream().map(v -> v.name().toString())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(schemaScript.indexOf("CREATE VIEW a_top") < schemaScript.indexOf("CREATE VIEW b_base"),
                "DuckDB writes views in name order: " + schemaScript);
        assertEquals(Set.of(new QualifiedName("main", "b_base")), view("main", "a_top").dependsOn());
        assertEquals(Set.of(new QualifiedName("main", "a_top")), view("sales", "summary").dependsOn());
        Set<QualifiedName> created = new HashSet<>();
        for (View view : schema.views()) {
            assertTrue(created.containsAll(view.dependsOn()), view + " before " + view.dependsOn());
            created.add(view.name());
        }
        assertEquals("SELECT * FROM (SELECT a FROM \"Odd Schema\".\"Odd Table\") AS \"Odd View\"(\"x y\")",
                view("Odd Schema", "Odd View").query());
    }

    @Test
    void macrosAreKeptAsDuckDbSqlWithWarnings() {
        assertEquals(List.of("CREATE MACRO add_tax (x) AS ((x * 1.2))",
                "CREATE MACRO recent (n) AS TABLE (SELECT * FROM sales.orders LIMIT n)"), schema.routines());
        assertTrue(warningAbout("Macro main.add_tax"));
        assertTrue(warningAbout("Macro main.recent"));
    }

    /** The unescaped quote of the ENUM label stops DuckDB's own import; Ferry reads it (above). */
    @Test
    void duckDbCannotImportItsOwnExportOfTheseObjects() {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (DuckDb target = DuckDb.inMemory()) {
                target.execute("IMPORT DATABASE '" + temp.resolve("export") + "'");
            }
        });
        assertTrue(refused.getMessage().contains("syntax error at or near \"s\""), refused.getMessage());
    }

    @Test
    void noCommentsNorTriggers() {
        assertTrue(schema.comments().isEmpty());
        assertTrue(schema.triggers().isEmpty());
    }

    private static boolean warningAbout(String text) {
        return schema.warnings().stream().anyMatch(w -> w.contains(text));
    }

    private static String columnList(KeyConstraint key) {
        return key.columns().toString();
    }

    private static Table table(String schemaName, String name) {
        return schema.tables().stream().filter(t -> t.name().equals(new QualifiedName(schemaName, name))).findFirst()
                .orElseThrow();
    }

    private static View view(String schemaName, String name) {
        return schema.views().stream().filter(v -> v.name().equals(new QualifiedName(schemaName, name))).findFirst()
                .orElseThrow();
    }

    private static Column column(Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
