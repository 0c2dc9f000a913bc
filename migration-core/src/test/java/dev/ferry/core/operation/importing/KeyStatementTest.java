package dev.ferry.core.operation.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.sql.SqlScript;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyStatementTest {

    private static Optional<KeyStatement> key(String sql, boolean mysql) throws SQLException {
        return KeyStatement.of(new SqlScript.Statement(sql, 1), mysql);
    }

    private static Optional<KeyStatement> key(String sql) throws SQLException {
        return key(sql, false);
    }

    @Test
    void indexesAndKeysLockTheirTable() throws SQLException {
        KeyStatement index = key("CREATE INDEX o_at ON public.o USING btree (at)").orElseThrow();
        assertEquals(KeyStatement.Kind.INDEX, index.kind());
        assertEquals(Set.of("o"), index.tables());
        assertEquals(Set.of("orders"), key("CREATE UNIQUE INDEX \"u\" ON ONLY \"s\".\"Orders\" (a, b)").orElseThrow()
                .tables(), "quoted names are compared in lower case, which can only make more statements wait");
        KeyStatement primary = key("ALTER TABLE \"public\".\"o\" ADD CONSTRAINT \"o_pkey\" PRIMARY KEY (\"id\")")
                .orElseThrow();
        assertEquals(KeyStatement.Kind.INDEX, primary.kind());
        assertEquals(Set.of("o"), primary.tables());
        assertEquals(Set.of("c"), key("ALTER TABLE ONLY c ADD UNIQUE (name, other)").orElseThrow().tables());
        assertEquals(Set.of("t"), key("CREATE INDEX `i` ON `db`.`t` (`a`(10))", true).orElseThrow().tables());
    }

    @Test
    void aForeignKeyLocksBothTables() throws SQLException {
        KeyStatement foreign = key("ALTER TABLE \"public\".\"o\" ADD CONSTRAINT \"o_c_fkey\" FOREIGN KEY (\"c\", \"d\")"
                + " REFERENCES \"public\".\"c\" (\"id\", \"e\") ON UPDATE NO ACTION ON DELETE CASCADE").orElseThrow();
        assertEquals(KeyStatement.Kind.FOREIGN_KEY, foreign.kind());
        assertEquals(Set.of("o", "c"), foreign.tables());
        assertEquals(Set.of("t"), key("ALTER TABLE t ADD FOREIGN KEY (p) REFERENCES t (id)").orElseThrow().tables());
        assertEquals(Set.of("t", "u"), key("ALTER TABLE IF EXISTS ONLY t ADD FOREIGN KEY (p) REFERENCES u (id)")
                .orElseThrow().tables());
    }

    @Test
    void everyOtherStatementRunsAlone() throws SQLException {
        for (String other : new String[] {
            "CREATE VIEW v AS SELECT 1",
            "ALTER TABLE t ADD COLUMN c int",
            "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0)",
            "ALTER TABLE t ADD PRIMARY KEY (a), ADD COLUMN b int",
            "ALTER SEQUENCE s RESTART WITH 5",
            "SELECT setval('s', 5)",
            "CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
        }) {
            assertTrue(key(other).isEmpty(), other);
        }
    }
}
