package dev.ferry.core.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void namesLoseTheirQuotes() {
        assertEquals("a\"b", SqliteTableText.unquote("\"a\"\"b\""));
        assertEquals("a`b", SqliteTableText.unquote("`a``b`"));
        assertEquals("a b", SqliteTableText.unquote("[a b]"));
        assertEquals("plain", SqliteTableText.unquote("plain"));
    }
}
