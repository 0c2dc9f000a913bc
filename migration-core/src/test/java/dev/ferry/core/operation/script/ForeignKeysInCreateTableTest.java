package dev.ferry.core.operation.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.h2.H2Dialect;
import dev.ferry.core.dialect.sqlite.SqliteDialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where foreign keys go: into CREATE TABLE for a dialect that cannot add them later (SQLite), whether the table is built
 * from its parts (an import from another engine) or is the engine's own statement; after the data everywhere else.
 */
class ForeignKeysInCreateTableTest {
    private static final QualifiedName PARENT = new QualifiedName(null, "parent");
    private static final QualifiedName CHILD = new QualifiedName(null, "child");
    private static final ForeignKey CHILD_TO_PARENT = new ForeignKey("fk_parent", CHILD, List.of("pid"), PARENT,
            List.of("id"), null, "CASCADE");
    private static final ForeignKey SELF = new ForeignKey("", CHILD, List.of("boss"), CHILD, List.of("id"), null, null);

    private static Column column(String name, String type) {
        return new Column(name, type, Types.INTEGER, 0, 0, true, null, null, type);
    }

    private static DatabaseSchema schema(Table parent, Table child) {
        return new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(parent, child),
                List.of(CHILD_TO_PARENT, SELF), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static final Table PARENT_TABLE = new Table(PARENT, List.of(column("id", "INTEGER")),
            new KeyConstraint(null, List.of("id")), List.of(), List.of());
    private static final Table CHILD_TABLE = new Table(CHILD, List.of(column("id", "INTEGER"), column("pid", "INT"),
            column("boss", "INT")), new KeyConstraint(null, List.of("id")), List.of(), List.of());

    @Test
    void sqliteDeclaresThemInCreateTable() {
        ScriptRenderer scripts = new ScriptRenderer(new SqliteDialect());
        DatabaseSchema schema = schema(PARENT_TABLE, CHILD_TABLE);
        String schemaScript = scripts.schemaScript(schema, "");
        assertTrue(schemaScript.contains("CREATE TABLE \"child\" (\n    \"id\" INTEGER,\n    \"pid\" INT,\n"
                + "    \"boss\" INT,\n    PRIMARY KEY (\"id\"),\n"
                + "    CONSTRAINT \"fk_parent\" FOREIGN KEY (\"pid\") REFERENCES \"parent\" (\"id\") ON DELETE CASCADE,\n"
                + "    FOREIGN KEY (\"boss\") REFERENCES \"child\" (\"id\")\n)"), schemaScript);
        int parentAt = schemaScript.indexOf("CREATE TABLE \"parent\"");
        String parentStatement = schemaScript.substring(parentAt, schemaScript.indexOf(';', parentAt));
        assertFalse(parentStatement.contains("FOREIGN KEY"), "each table declares its own keys only");
        assertFalse(scripts.postDataScript(schema, "").contains("FOREIGN KEY"));
    }

    @Test
    void aTableKeptAsTheEnginesOwnStatementIsWrittenAsItIs() {
        String own = "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INT REFERENCES parent (id) ON DELETE CASCADE,"
                + " boss INT REFERENCES child)";
        Table child = new Table(CHILD, CHILD_TABLE.columns(), CHILD_TABLE.primaryKey(), List.of(), List.of(), own);
        ScriptRenderer scripts = new ScriptRenderer(new SqliteDialect());
        DatabaseSchema schema = schema(PARENT_TABLE, child);
        assertTrue(scripts.schemaScript(schema, "").contains("\n" + own + ";\n"));
        assertEquals(own, scripts.createTable(child));
        assertFalse(scripts.postDataScript(schema, "").contains("FOREIGN KEY"));
    }

    @Test
    void otherEnginesAddThemAfterTheData() {
        ScriptRenderer scripts = new ScriptRenderer(new H2Dialect());
        DatabaseSchema schema = schema(PARENT_TABLE, CHILD_TABLE);
        assertFalse(scripts.schemaScript(schema, "").contains("FOREIGN KEY"));
        assertEquals("ALTER TABLE \"child\" ADD CONSTRAINT \"fk_parent\" FOREIGN KEY (\"pid\") REFERENCES \"parent\""
                + " (\"id\") ON DELETE CASCADE;\nALTER TABLE \"child\" ADD FOREIGN KEY (\"boss\") REFERENCES \"child\""
                + " (\"id\");\n", scripts.postDataScript(schema, ""));
    }
}
