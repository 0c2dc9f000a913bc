package dev.ferry.core.operation.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.postgres.PostgresDialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's INHERITS and declarative partitioning in schema.sql: a table after those it inherits from, a
 * partitioned table with its PARTITION BY, each partition created as a table and then attached FOR VALUES.
 */
class InheritanceScriptsTest {
    private static final List<Column> COLUMNS = List.of(new Column("a", "int4", Types.INTEGER, 10, 0, true, null, null,
            "integer"));

    private static Table table(String name, Inheritance inheritance) {
        return new Table(new QualifiedName("public", name), COLUMNS, null, List.of(), List.of(), null, inheritance);
    }

    @Test
    void childrenAfterTheirParentsAndPartitionsAttached() {
        QualifiedName zParent = new QualifiedName("public", "z_parent");
        QualifiedName measure = new QualifiedName("public", "measure");
        DatabaseSchema schema = new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(
                table("a_child", new Inheritance(List.of(zParent), null, null)),
                table("measure", new Inheritance(List.of(), "RANGE (a)", null)),
                table("measure_1", new Inheritance(List.of(measure), null, "FOR VALUES FROM (1) TO (10)")),
                table("measure_other", new Inheritance(List.of(measure), null, "DEFAULT")),
                table("z_parent", Inheritance.NONE)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        String sql = new ScriptRenderer(new PostgresDialect()).schemaScript(schema, "");

        assertTrue(sql.indexOf("CREATE TABLE \"public\".\"z_parent\"")
                < sql.indexOf("CREATE TABLE \"public\".\"a_child\""), sql);
        assertTrue(sql.contains("CREATE TABLE \"public\".\"a_child\" (\n    \"a\" integer\n)"
                + " INHERITS (\"public\".\"z_parent\");"), sql);
        assertTrue(sql.contains("CREATE TABLE \"public\".\"measure\" (\n    \"a\" integer\n)"
                + " PARTITION BY RANGE (a);"), sql);
        assertTrue(sql.contains("CREATE TABLE \"public\".\"measure_1\" (\n    \"a\" integer\n);"), sql);
        assertTrue(sql.endsWith("\nALTER TABLE ONLY \"public\".\"measure\" ATTACH PARTITION \"public\".\"measure_1\""
                + " FOR VALUES FROM (1) TO (10);\nALTER TABLE ONLY \"public\".\"measure\""
                + " ATTACH PARTITION \"public\".\"measure_other\""
                + " DEFAULT;\n"), sql);
        assertEquals(5, sql.split("CREATE TABLE", -1).length - 1);
    }
}
