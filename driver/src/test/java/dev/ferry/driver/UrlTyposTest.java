package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlTyposTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:jdbc:postgresql://h:5432/db     | jdbc:postgresql://h:5432/db",
        "jdbc:ferry:h2:./db                   | jdbc:h2:./db",
        "jdbc:postgres://h/db                 | jdbc:postgresql://h/db",
        "jdbc:PGSQL://h/db                    | jdbc:postgresql://h/db",
        "jdbc:jdbc:postgres://h/db            | jdbc:postgresql://h/db",
        "jdbc:maria://h:3306/test             | jdbc:mariadb://h:3306/test",
        "jdbc:sqlite3:/tmp/a.db               | jdbc:sqlite:/tmp/a.db",
        "jdbc:hsql:mem:a                      | jdbc:hsqldb:mem:a",
        "jdbc:duck:/tmp/a.duckdb              | jdbc:duckdb:/tmp/a.duckdb",
    })
    void namesTheUrlMeant(String typo, String meant) {
        assertEquals(Optional.of(meant), UrlTypos.meant(typo));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdbc:nosuchdb:x", "jdbc:postgresql://h/db", "postgres://h/db", "jdbc:", "jdbc:postgres"})
    void saysNothingWhereItKnowsNothingBetter(String url) {
        assertEquals(Optional.empty(), UrlTypos.meant(url));
    }
}
