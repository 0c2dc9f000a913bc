package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.operation.verify.DataComparison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values of 10 MB on MariaDB, text and binary, come back byte for byte, in CSV and in Parquet. */
class MariaDbLargeValuesIT {
    private final TestServer server = TestServer.mariadb();

    @TempDir
    Path temp;

    /** Ten megabytes of text and of binary data in one row each, compared by length and digest on the server. */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void tenMegabyteValues(String format) throws Exception {
        int size = 10 * 1024 * 1024;
        Random random = new Random(42);
        byte[] blob = new byte[size];
        random.nextBytes(blob);
        StringBuilder text = new StringBuilder(size);
        String[] pieces = {"ascii ", "ü", "😀", "\n", "\"", ",", "שלום", "\\N"};
        int bytes = 0;
        while (bytes < size) {
            String piece = pieces[random.nextInt(pieces.length)];
            text.append(piece);
            bytes += piece.getBytes(StandardCharsets.UTF_8).length;
        }
        String from = server.createDatabase();
        String to = server.createDatabase();
        try (Connection a = server.connect(from); Connection b = server.connect(to)) {
            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE big (id INT PRIMARY KEY, t LONGTEXT, b LONGBLOB)");
            }
            // One value per row: a row must fit in max_allowed_packet (16 MB by default), on the way in and out.
            try (PreparedStatement insert = a.prepareStatement("INSERT INTO big VALUES (?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, text.toString());
                insert.setNull(3, java.sql.Types.BLOB);
                insert.executeUpdate();
                insert.setInt(1, 2);
                insert.setNull(2, java.sql.Types.CLOB);
                insert.setBytes(3, blob);
                insert.executeUpdate();
            }
            Path dir = temp.resolve("big-" + format);
            long started = System.nanoTime();
            try (Connection ferry = server.connectFerry(from); Statement s = ferry.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
            }
            long exported = System.nanoTime();
            try (Connection ferry = server.connectFerry(to); Statement s = ferry.createStatement()) {
                assertEquals(2, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            long imported = System.nanoTime();
            System.out.printf("MariaDB 10 MB LONGTEXT + 10 MB LONGBLOB: export %d ms, import %d ms, %s %d bytes%n",
                    (exported - started) / 1_000_000, (imported - exported) / 1_000_000, format,
                    Files.size(dir.resolve("data/big/part-0001." + format)));
            String digest = "SELECT CHAR_LENGTH(t), LENGTH(t), LENGTH(b), SHA2(t, 256), SHA2(b, 256) FROM big ORDER BY id";
            assertEquals(ServerQueries.rows(a, digest), ServerQueries.rows(b, digest));
            assertEquals(List.of(Arrays.asList(String.valueOf(text.codePointCount(0, text.length())),
                            String.valueOf(bytes), null), Arrays.asList(null, null, String.valueOf(size))),
                    ServerQueries.rows(b, "SELECT CHAR_LENGTH(t), LENGTH(t), LENGTH(b) FROM big ORDER BY id"));
            assertEquals(List.of(), new DataComparison(a, b).differences("big"));
        } finally {
            server.dropDatabase(from);
            server.dropDatabase(to);
        }
    }
}
