package dev.ferry.core.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What is read from a CREATE TABLE statement as SQLite keeps it: generated expressions and CHECK constraints. */
class SqliteTableTextTest {
    private static final String TABLE = "CREATE TABLE \"t (x, y)\" (\n"
            + "  id INTEGER PRIMARY KEY, -- a comment, with (parentheses\n"
            + "  \"line.no\" INT CHECK (\"line.no\" > 0) NOT NULL,\n"
            + "  [as] TEXT DEFAULT 'AS (not this)' CONSTRAINT \"short\" CHECK (length([as]) < 5),\n"
            + "  `total` REAL GENERATED ALWAYS AS (\"line.no\" * (2.5 + abs(-1))) VIRTUAL,\n"
            + "  label TEXT AS (upper([as]) || ')') STORED,\n"
            + "  /* CHECK (ignored) */ CONSTRAINT c1 CHECK (id <> 7), CHECK(total < 100),\n"
            + "  FOREIGN KEY (id) REFERENCES other (id)\n"
            + ") WITHOUT ROWID";

    @Test
    void generatedExpressionsAsWritten() {
        SqliteTableText text = SqliteTableText.of(TABLE);
        assertEquals("\"line.no\" * (2.5 + abs(-1))", text.generatedExpression("total"));
        assertEquals("upper([as]) || ')'", text.generatedExpression("label"));
        assertNull(text.generatedExpression("as"), "AS inside a string literal is not a generated column");
        assertNull(text.generatedExpression("id"));
        assertNull(text.generatedExpression("missing"));
    }

    @Test
    void checksInOrderWithTheirNames() {
        List<String[]> checks = SqliteTableText.of(TABLE).checks();
        assertEquals(4, checks.size());
        assertArrayEquals(new String[] {null, "CHECK (\"line.no\" > 0)"}, checks.get(0));
        assertArrayEquals(new String[] {"short", "CHECK (length([as]) < 5)"}, checks.get(1));
        assertArrayEquals(new String[] {"c1", "CHECK (id <> 7)"}, checks.get(2));
        assertArrayEquals(new String[] {null, "CHECK (total < 100)"}, checks.get(3));
    }

    @Test
    void foreignKeysWithTheirNamesColumnsAndTablesAsDeclared() {
        String table = "CREATE TABLE [Invoice Line] (\n"
                + "  [Id] INTEGER PRIMARY KEY,\n"
                + "  a INT DEFAULT 'REFERENCES x' REFERENCES [Parent A] ([Id]) ON DELETE CASCADE,\n"
                + "  \"b\" TEXT CONSTRAINT \"fk b\" REFERENCES `parent b` CHECK (b <> 'REFERENCES'),\n"
                + "  c INT, d INT, -- FOREIGN KEY (c) REFERENCES commented\n"
                + "  CONSTRAINT [FK_Two] FOREIGN KEY ([c], \"d\") REFERENCES two (x, y) DEFERRABLE INITIALLY DEFERRED,\n"
                + "  FOREIGN KEY(d)REFERENCES\"four\"\n"
                + ")";
        assertEquals(List.of(
                new SqliteTableText.ForeignKeyText(null, List.of("a"), "Parent A"),
                new SqliteTableText.ForeignKeyText("fk b", List.of("b"), "parent b"),
                new SqliteTableText.ForeignKeyText("FK_Two", List.of("c", "d"), "two"),
                new SqliteTableText.ForeignKeyText(null, List.of("d"), "four")),
                SqliteTableText.of(table).foreignKeys());
    }

    @Test
    void aWordIsFoundOutsideQuotesAndComments() {
        assertTrue(SqliteTableText.hasWord("CREATE INDEX [i] ON [t] ([a] COLLATE NOCASE)", "COLLATE"));
        assertFalse(SqliteTableText.hasWord("CREATE INDEX [collate] ON \"COLLATE\" (`collate`) -- COLLATE", "COLLATE"));
        assertFalse(SqliteTableText.hasWord("CREATE INDEX i ON t (a) /* COLLATE */", "COLLATE"));
    }

    @Test
    void namesLoseTheirQuotes() {
        assertEquals("a\"b", SqliteTableText.unquote("\"a\"\"b\""));
        assertEquals("a`b", SqliteTableText.unquote("`a``b`"));
        assertEquals("a b", SqliteTableText.unquote("[a b]"));
        assertEquals("plain", SqliteTableText.unquote("plain"));
    }
}
