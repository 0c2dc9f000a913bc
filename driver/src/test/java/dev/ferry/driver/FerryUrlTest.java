package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FerryUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:ferry:h2:mem:test                               | jdbc:h2:mem:test",
        "jdbc:ferry:h2:./data/app;MODE=PostgreSQL               | jdbc:h2:./data/app;MODE=PostgreSQL",
        "JDBC:FERRY:postgresql://127.0.0.1:5432/test            | jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:Ferry:mariadb://127.0.0.1:3306/test?user=root     | jdbc:mariadb://127.0.0.1:3306/test?user=root",
        "jdbc:ferry:sqlite:/tmp/my data.db                      | jdbc:sqlite:/tmp/my data.db",
        "jdbc:ferry:duckdb:                                     | jdbc:duckdb:",
        "jdbc:ferry:hsqldb:mem:a                                | jdbc:hsqldb:mem:a",
        "jdbc:ferry:ferry:h2:mem:nested                         | jdbc:ferry:h2:mem:nested",
    })
    void acceptsFerryUrls(String url, String delegateUrl) {
        FerryUrl parsed = FerryUrl.parse(url).orElseThrow();
        assertEquals(delegateUrl, parsed.delegateUrl());
        assertEquals(url, parsed.url());
        assertEquals(url, parsed.toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "jdbc:h2:mem:test",
        "jdbc:postgresql://127.0.0.1/test",
        "jdbc:ferry",
        "jdbc:ferry:",
        "jdbc:ferry:   ",
        "jdbc:ferryh2:mem:test",
        "ferry:h2:mem:test",
        " jdbc:ferry:h2:mem:test",
        "jdbc:stub:ferry:x",
    })
    void refusesOtherUrls(String url) {
        assertTrue(FerryUrl.parse(url).isEmpty());
    }

    @Test
    void isAValue() {
        assertEquals(FerryUrl.parse("jdbc:ferry:h2:mem:a"), FerryUrl.parse("jdbc:ferry:h2:mem:a"));
        assertEquals(FerryUrl.parse("jdbc:ferry:h2:mem:a").hashCode(), FerryUrl.parse("jdbc:ferry:h2:mem:a").hashCode());
        assertNotEquals(FerryUrl.parse("jdbc:ferry:h2:mem:a"), FerryUrl.parse("jdbc:ferry:h2:mem:b"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:ferry:h2:mem:a;ferry.copy=false                               | jdbc:h2:mem:a",
        "jdbc:ferry:h2:mem:a;FERRY.COPY=false;DB_CLOSE_DELAY=-1             | jdbc:h2:mem:a;DB_CLOSE_DELAY=-1",
        "jdbc:ferry:postgresql://h/db?ferry.copy=false                      | jdbc:postgresql://h/db",
        "jdbc:ferry:postgresql://h/db?ferry.copy=false&ssl=true&user=x      | jdbc:postgresql://h/db?ssl=true&user=x",
        "jdbc:ferry:mariadb://h/db?user=root&ferry.copy=false               | jdbc:mariadb://h/db?user=root",
        "jdbc:ferry:mariadb://h/db?user=root&ferry.copy=false&password=     | jdbc:mariadb://h/db?user=root&password=",
    })
    void ferryParametersAreTakenOut(String url, String delegateUrl) {
        FerryUrl parsed = FerryUrl.parse(url).orElseThrow();
        assertEquals(delegateUrl, parsed.delegateUrl());
        assertEquals(java.util.Map.of("ferry.copy", "false"), parsed.ferryProperties());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://h/db?ssl=true   | jdbc:ferry:postgresql://h/db?ssl=true",
        "JDBC:h2:mem:a                     | jdbc:ferry:h2:mem:a",
        "jdbc:ferry:h2:mem:a               | jdbc:ferry:h2:mem:a",
        "notjdbc:x                         | notjdbc:x",
    })
    void givesADatabaseUrlInFerrysForm(String databaseUrl, String ferryUrl) {
        assertEquals(ferryUrl, FerryUrl.ferryForm(databaseUrl));
    }
}
