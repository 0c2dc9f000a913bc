package dev.ferry.core.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.mariadb.MariaDbInfileStatement.Form;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LOAD DATA's statement and the text of its rows, without a server (MariaDbLoadDataIT loads them). */
class MariaDbInfileTest {
    private static LoadTarget target(List<ValueKind> kinds) {
        List<String> names = new ArrayList<>();
        List<String> sqlNames = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            names.add("c" + (i + 1));
            sqlNames.add("`c" + (i + 1) + "`");
        }
        int[] types = new int[kinds.size()];
        Arrays.fill(types, Types.VARCHAR);
        return new LoadTarget("`t`", names, sqlNames, kinds, types);
    }

    @Test
    void theStatementNamesEveryColumnAndSendsBinaryBitsAndYearsThroughExpressions() {
        LoadTarget target = target(List.of(ValueKind.BIGINT, ValueKind.STRING, ValueKind.BINARY, ValueKind.BOOLEAN,
                ValueKind.BINARY, ValueKind.INTEGER, ValueKind.DOUBLE));
        MariaDbInfileStatement statement = MariaDbInfileStatement.of(target,
                List.of("BIGINT", "VARCHAR", "BLOB", "BIT", "bit", "YEAR", "FLOAT")).orElseThrow();
        assertEquals("LOAD DATA LOCAL INFILE 'ferry-rows.tsv' INTO TABLE `t` CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY X'09' ENCLOSED BY '' ESCAPED BY X'5C' LINES STARTING BY '' TERMINATED BY X'0A'"
                + " IGNORE 0 LINES (`c1`, `c2`, @ferry_3, @ferry_4, @ferry_5, @ferry_6, `c7`)"
                + " SET `c3` = UNHEX(@ferry_3), `c4` = CAST(@ferry_4 AS UNSIGNED), `c5` = UNHEX(@ferry_5),"
                + " `c6` = CAST(@ferry_6 AS SIGNED)", statement.sql());
        assertEquals(List.of(Form.TEXT, Form.TEXT, Form.HEX, Form.NUMBER, Form.HEX, Form.NUMBER, Form.TEXT),
                statement.forms());
        assertEquals("SET SESSION max_error_count = 64, @ferry_3 = NULL, @ferry_4 = NULL, @ferry_5 = NULL,"
                + " @ferry_6 = NULL", statement.restoreSession(64));
    }

    @Test
    void aColumnWithoutAnExactFormLeavesTheTableToInserts() {
        assertEquals(Optional.empty(), MariaDbInfileStatement.of(target(List.of(ValueKind.BIGINT, ValueKind.BINARY)),
                List.of("BIGINT", "GEOMETRY")));
        assertEquals(Optional.empty(), MariaDbInfileStatement.of(target(List.of(ValueKind.OTHER)), List.of("GEOMETRY")));
        assertEquals(Optional.empty(), MariaDbInfileStatement.of(target(List.of(ValueKind.TIMESTAMP)),
                List.of("DATETIME")));
        assertEquals(Optional.empty(), MariaDbInfileStatement.of(target(List.of(ValueKind.INTEGER)), List.of("BIT")),
                "a BIT column read as a number would be stored as the number's characters");
        assertEquals("SET SESSION max_error_count = 64", MariaDbInfileStatement.of(target(List.of(ValueKind.STRING)),
                List.of("TEXT")).orElseThrow().restoreSession(64));
    }

    @Test
    void valuesAreWrittenInMariaDbsTextWithNullApartFromTheEmptyString() throws Exception {
        LoadTarget target = target(List.of(ValueKind.STRING, ValueKind.BINARY, ValueKind.BOOLEAN, ValueKind.DECIMAL,
                ValueKind.DOUBLE, ValueKind.INTEGER));
        List<Object[]> rows = List.of(
                new Object[] {"a\tb\nc\rd\\e\u0000f 😀 NULL \\N", new byte[] {0, 0x5c, (byte) 0xff}, true,
                        new BigDecimal("-12345678901234567890.10"), 4.9E-324, 0},
                new Object[] {"", new byte[0], false, new BigDecimal("0E-2"), 1.0E300, -1},
                new Object[] {null, null, null, null, null, null});
        MariaDbInfileRows stream = rows(target, rows, 100);
        assertTrue(stream.hasMore());
        stream.nextStatement();
        String expected = "a\\tb\\nc\\rd\\\\e\\0f 😀 NULL \\\\N\t005cff\t1\t-12345678901234567890.10\t4.9E-324\t0\n"
                + "\t\t0\t0.00\t1.0E300\t-1\n"
                + "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n";
        assertEquals(expected, new String(readAll(stream), StandardCharsets.UTF_8));
        assertEquals(3, stream.statementRows());
        assertEquals("row 2", stream.position(2));
        assertFalse(stream.hasMore());
    }

    @Test
    void eachStatementTakesAtMostItsRowsAndTheNextGoesOnAfterThem() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 5; i++) {
            rows.add(new Object[] {i});
        }
        MariaDbInfileRows stream = rows(target(List.of(ValueKind.BIGINT)), rows, 2);
        List<String> statements = new ArrayList<>();
        while (stream.hasMore()) {
            stream.nextStatement();
            statements.add(new String(readAll(stream), StandardCharsets.UTF_8) + "@" + stream.position(1));
        }
        assertEquals(List.of("1\n2\n@row 1", "3\n4\n@row 3", "5\n@row 5"), statements);
        assertEquals(5, stream.rows());
    }

    /** A row that cannot be read ends the stream after the last whole row; the error comes after the statement. */
    @Test
    void aRowThatCannotBeReadEndsTheStreamAtTheRowBefore() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"fine"});
        rows.add(null); // the reader fails here
        MariaDbInfileRows stream = rows(target(List.of(ValueKind.STRING)), rows, 100);
        stream.nextStatement();
        assertEquals("fine\n", new String(readAll(stream), StandardCharsets.UTF_8));
        SQLException failure = assertThrows(SQLException.class, stream::rethrowFailure);
        assertEquals("row 2 cannot be read", failure.getMessage());
        assertFalse(stream.hasMore());
    }

    @Test
    void textThatUtf8CannotHoldStopsTheLoadNamingRowAndColumn() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"fine"});
        rows.add(new Object[] {"broken \uD800 surrogate"});
        MariaDbInfileRows stream = rows(target(List.of(ValueKind.STRING)), rows, 100);
        stream.nextStatement();
        assertEquals("fine\n", new String(readAll(stream), StandardCharsets.UTF_8));
        SQLException failure = assertThrows(SQLException.class, stream::rethrowFailure);
        assertTrue(failure.getMessage().startsWith("row 2, column c1: "), failure.getMessage());
    }

    @Test
    void aLargeValueIsWrittenWhole() throws Exception {
        byte[] blob = new byte[300_000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        MariaDbInfileRows stream = rows(target(List.of(ValueKind.BINARY)), Collections.singletonList(new Object[] {blob}),
                100);
        stream.nextStatement();
        byte[] text = readAll(stream);
        assertEquals(600_001, text.length);
        assertArrayEquals("000102".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(text, 6));
    }

    private static MariaDbInfileRows rows(LoadTarget target, List<Object[]> rows, int perStatement) {
        List<Form> forms = MariaDbInfileStatement.of(target, Collections.nCopies(target.kinds().size(), "TEXT"))
                .map(MariaDbInfileStatement::forms).orElseThrow();
        return new MariaDbInfileRows(new ListReader(rows), target, forms, ProgressListener.NONE, perStatement, 1L << 20);
    }

    /** Reads as Connector/J does: 8 KB at a time until the end. */
    private static byte[] readAll(InputStream stream) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = stream.read(chunk)) > 0; ) {
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }

    /** Rows from a list; a null element is a row that cannot be read. */
    private static final class ListReader implements TableReader {
        private final Iterator<Object[]> rows;
        private int row;

        ListReader(List<Object[]> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public Object[] next() throws SQLException {
            if (!rows.hasNext()) {
                return null;
            }
            Object[] next = rows.next();
            row++;
            if (next == null) {
                throw new SQLException(position() + " cannot be read", "22000");
            }
            return next;
        }

        @Override
        public String position() {
            return "row " + row;
        }

        @Override
        public void close() {
        }
    }
}
