package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values of 10 MB in H2, text (CLOB) and binary (BLOB), come back byte for byte. */
class H2LargeValuesIT {
    @TempDir
    Path temp;

    @Test
    void tenMegabyteClobAndBlobValues() throws Exception {
        try (Connection source = DriverManager.getConnection(TestDatabases.newH2Url());
             Connection target = DriverManager.getConnection(TestDatabases.newH2Url())) {
            TestDatabases.execute(source,
                    "CREATE TABLE big (id INT PRIMARY KEY, t CLOB, b BLOB)",
                    "INSERT INTO big VALUES (1, REPEAT('a,\"b\"' || CHAR(13) || CHAR(10) || 'ü😀 ', 1000000), NULL)",
                    "INSERT INTO big SELECT 2, NULL, CAST(REPEAT(CAST(X'00017f80ff' AS VARBINARY), 2097152) AS BLOB)");
            String digest = "SELECT id, LENGTH(t), RAWTOHEX(HASH('SHA-256', STRINGTOUTF8(t))), OCTET_LENGTH(b),"
                    + " RAWTOHEX(HASH('SHA-256', b)) FROM big ORDER BY id";
            List<List<Object>> expected = TestDatabases.rows(source, digest);
            TestDatabases.execute(source, "EXPORT DATABASE '" + temp.resolve("export") + "'");
            TestDatabases.execute(target, "IMPORT DATABASE '" + temp.resolve("export") + "'");
            assertEquals(expected, TestDatabases.rows(target, digest));
            assertTrue((Long) expected.get(1).get(3) >= 10_000_000L, "the binary value is at least 10 MB");
            assertTrue((Long) expected.get(0).get(1) >= 10_000_000L, "the text value is at least 10 MB");
        }
    }
}
