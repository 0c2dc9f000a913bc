package dev.ferry.core.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A field passes to COPY as it is only where its bytes are exactly what the converting path sends for it: Ferry's
 * canonical forms pass, every other spelling of a value is converted.
 */
class CopyTextFormTest {

    @Test
    void canonicalFormsPassAsTheyAre() {
        passes(ValueKind.BIGINT, "0", "-1", "9223372036854775", "123456789012345678", "-123456789012345678");
        passes(ValueKind.INTEGER, "0", "-2147", "214748364");
        passes(ValueKind.DECIMAL, "0", "0.00", "1.50", "-0.01", "12345678901234567890.1200", "NaN", "Infinity",
                "-Infinity");
        passes(ValueKind.BOOLEAN, "true", "false");
        passes(ValueKind.DATE, "0001-01-01", "2024-02-29", "9999-12-31");
        passes(ValueKind.TIMESTAMP, "2024-02-29 23:59:59", "0001-01-01 00:00:00.000001", "2024-01-01 10:00:00.123456789");
        passes(ValueKind.TIMESTAMP_WITH_TIME_ZONE, "2024-01-01 10:00:00.5+05:30", "2020-01-01 00:00:01.000001+00:00",
                "1999-12-31 23:59:59-18:00", "1999-12-31 23:59:59+18:00", "2000-01-01 00:00:00-00:30");
        passes(ValueKind.UUID, "47acd9a8-ba45-4bee-82fc-f0f42faa7e27");
        passes(ValueKind.STRING, "", "a,\"b\"\nc", "NULL", "\\N", "😀 שלום");
        passes(ValueKind.JSON, "{\"a\":1}");
        assertEquals(CopyTextForm.Passing.AS_IS, passing(ValueKind.ENGINE_TEXT, Types.ARRAY, "{1,2,NULL}"));
        assertEquals(CopyTextForm.Passing.AS_IS, passing(ValueKind.ENGINE_TEXT, Types.OTHER, "1 year 2 mons"));
        assertEquals(CopyTextForm.Passing.HEX_PREFIXED, passing(ValueKind.BINARY, Types.BINARY, "00ff7f80"));
        assertEquals(CopyTextForm.Passing.HEX_PREFIXED, passing(ValueKind.BINARY, Types.BINARY, ""));
    }

    @Test
    void otherSpellingsAreConverted() {
        converted(ValueKind.BIGINT, "", "-0", "007", "+1", "1e5", " 1", "1 ", "1.0", "1234567890123456789",
                "9223372036854775807", "true", "-");
        converted(ValueKind.INTEGER, "true", "false", "2147483647", "-0", "0x10");
        converted(ValueKind.DECIMAL, "-0", "-0.00", "+1", "1e5", "1E5", ".5", "5.", "01.5", " 1", "nan", "-NaN",
                "1,5");
        converted(ValueKind.BOOLEAN, "t", "TRUE", "1", "yes");
        converted(ValueKind.DATE, "0000-01-01", "-0001-01-01", "+10000-01-01", "+999999999-12-31", "2023-02-29",
                "2024-13-01", "2024-04-31", "2024-1-01", "infinity", "-infinity", "2024-01-01 BC", "20240101");
        converted(ValueKind.TIMESTAMP, "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-01-01 23:59:60",
                "2024-01-01 10:00:00.500", "2024-01-01 10:00:00.", "2024-01-01 10:00", "2024-01-01T10:00:00",
                "2024-01-01 10:00:00.1234567891", "0000-01-01 00:00:00", "infinity", "+10000-01-01 00:00:00");
        converted(ValueKind.TIMESTAMP_WITH_TIME_ZONE, "2024-01-01 10:00:00Z", "2024-01-01 10:00:00-00:00",
                "2024-01-01 10:00:00+05", "2024-01-01 10:00:00+0530", "2024-01-01 10:00:00+05:30:15",
                "2024-01-01 10:00:00+19:00", "2024-01-01 10:00:00+18:01", "2024-01-01 10:00:00.10+00:00",
                "2024-01-01 10:00:00 +00:00", "-infinity", "0000-12-31 00:00:00+00:00");
        converted(ValueKind.UUID, "47ACD9A8-BA45-4BEE-82FC-F0F42FAA7E27", "{47acd9a8-ba45-4bee-82fc-f0f42faa7e27}",
                "47acd9a8ba454bee82fcf0f42faa7e27");
        converted(ValueKind.BINARY, "00FF", "0", "\\x00ff", "zz");
        converted(ValueKind.DOUBLE, "0.1", "NaN");
        converted(ValueKind.REAL, "0.1");
        converted(ValueKind.TIME, "10:00:00");
        assertEquals(CopyTextForm.Passing.CONVERTED, passing(ValueKind.ENGINE_TEXT, Types.ARRAY, "[1, 2]"));
    }

    /** Random values in Ferry's own forms, and random strings near them: whatever passes is a fixed point. */
    @Test
    void whatPassesIsWhatTheConversionSends() {
        Random random = new Random(13);
        List<String[]> cases = new ArrayList<>();
        String alphabet = "0123456789-+:. eEaNIf";
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime moment = OffsetDateTime.of(LocalDateTime.of(random.nextInt(12000) - 1000, 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9))),
                    ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 3600 + (random.nextInt(3) == 0 ? 1800 : 0)));
            cases.add(new String[] {"TIMESTAMP_WITH_TIME_ZONE", ValueKind.TIMESTAMP_WITH_TIME_ZONE.format(moment)});
            cases.add(new String[] {"TIMESTAMP", ValueKind.TIMESTAMP.format(moment.toLocalDateTime())});
            cases.add(new String[] {"DATE", ValueKind.DATE.format(moment.toLocalDate())});
            cases.add(new String[] {"DECIMAL", new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(30))
                    .toPlainString()});
            cases.add(new String[] {"BIGINT", Long.toString(random.nextLong() >> random.nextInt(64))});
            cases.add(new String[] {"INTEGER", Integer.toString(random.nextInt() >> random.nextInt(32))});
            cases.add(new String[] {"UUID", new UUID(random.nextLong(), random.nextLong()).toString()});
            StringBuilder noise = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String kind : new String[] {"BIGINT", "INTEGER", "DECIMAL", "DATE", "BOOLEAN"}) {
                cases.add(new String[] {kind, noise.toString()});
            }
            String stamp = "2024-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(22)) + " "
                    + (10 + random.nextInt(15)) + ":" + (10 + random.nextInt(51)) + ":" + (10 + random.nextInt(51))
                    + noise;
            cases.add(new String[] {"TIMESTAMP", stamp});
            cases.add(new String[] {"TIMESTAMP_WITH_TIME_ZONE", stamp});
        }
        int passed = 0;
        for (String[] c : cases) {
            ValueKind kind = ValueKind.valueOf(c[0]);
            if (passing(kind, Types.OTHER, c[1]) == CopyTextForm.Passing.AS_IS) {
                assertEquals(c[1], PostgresCopyText.of(kind, Types.OTHER, kind.parse(c[1])), kind + " " + c[1]);
                passed++;
            }
        }
        assertTrue(passed > cases.size() / 3, passed + " of " + cases.size());
    }

    @Test
    void ferryInfinitiesAndBcDatesAreConverted() {
        assertEquals(CopyTextForm.Passing.CONVERTED,
                passing(ValueKind.DATE, Types.DATE, ValueKind.DATE.format(LocalDate.MAX)));
        assertEquals(CopyTextForm.Passing.CONVERTED,
                passing(ValueKind.DATE, Types.DATE, ValueKind.DATE.format(LocalDate.of(-43, 3, 15))));
    }

    private static void passes(ValueKind kind, String... texts) {
        for (String text : texts) {
            assertEquals(CopyTextForm.Passing.AS_IS, passing(kind, Types.OTHER, text), kind + " " + text);
            assertEquals(text, PostgresCopyText.of(kind, Types.OTHER, kind.parse(text)), kind + " " + text);
        }
    }

    private static void converted(ValueKind kind, String... texts) {
        for (String text : texts) {
            assertEquals(CopyTextForm.Passing.CONVERTED, passing(kind, Types.OTHER, text), kind + " " + text);
        }
    }

    private static CopyTextForm.Passing passing(ValueKind kind, int jdbcType, String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
        return CopyTextForm.of(kind, jdbcType).passing(bytes, 1, bytes.length - 1);
    }
}
