package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H2's and HSQLDB's {@code CHAR(n)} values, which those engines pad with spaces to n characters, are carried without
 * that padding (as PostgreSQL's are, {@code PostgresCharAcrossEnginesIT}): into DuckDB and SQLite, which keep every
 * space, {@code 'ab'} is {@code 'ab'}, found by {@code = 'ab'}; a value's own leading spaces stay; into the same engine
 * the column is a {@code CHAR(5)} again and holds {@code 'ab   '} as before.
 */
class PaddedCharAcrossEnginesIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "hsqldb"})
    void charValuesLoseOnlyTheirPadding(String engine) throws Exception {
        String source = engine.equals("h2") ? "jdbc:h2:" + temp.resolve("source") : "jdbc:hsqldb:file:"
                + temp.resolve("source") + ";shutdown=true";
        try (Connection plain = DriverManager.getConnection(source); Statement s = plain.createStatement()) {
            s.execute("CREATE TABLE codes (id INTEGER PRIMARY KEY, code CHAR(5))");
            s.execute("INSERT INTO codes VALUES (1, 'ab'), (2, ' ab'), (3, ''), (4, 'abcde'), (5, NULL)");
        }
        Path export = temp.resolve("export");
        try (Connection ferry = DriverManager.getConnection(source.replace("jdbc:", "jdbc:ferry:"));
             Statement s = ferry.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "'");
        }
        List<String> unpadded = List.of("1:[ab]", "2:[ ab]", "3:[]", "4:[abcde]", "5:null");
        String same = engine.equals("h2") ? "jdbc:h2:" + temp.resolve("target") : "jdbc:hsqldb:file:"
                + temp.resolve("target") + ";shutdown=true";
        for (String url : List.of("jdbc:sqlite:" + temp.resolve("codes.sqlite"),
                "jdbc:duckdb:" + temp.resolve("codes.duckdb"), same)) {
            try (Connection ferry = DriverManager.getConnection(url.replace("jdbc:", "jdbc:ferry:"));
                 Statement s = ferry.createStatement()) {
                s.executeUpdate("IMPORT DATABASE '" + export + "'");
            }
            try (Connection plain = DriverManager.getConnection(url)) {
                if (url.equals(same)) {
                    assertEquals(List.of("1:[ab   ]", "2:[ ab  ]", "3:[     ]", "4:[abcde]", "5:null"),
                            codes(plain, "SELECT id, code FROM codes ORDER BY id"), url);
                } else {
                    assertEquals(unpadded, codes(plain, "SELECT id, code FROM codes ORDER BY id"), url);
                    assertEquals(List.of("1:[ab]"), codes(plain, "SELECT id, code FROM codes WHERE code = 'ab'"), url);
                }
            }
        }
    }

    /** Each row as {@code id:[code]}, the code in brackets so that its spaces show ({@code null} for NULL). */
    private static List<String> codes(Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String code = rs.getString(2);
                rows.add(rs.getInt(1) + ":" + (code == null ? "null" : "[" + code + "]"));
            }
        }
        return rows;
    }
}
