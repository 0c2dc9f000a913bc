package dev.ferry.core.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvRecordWriterTest {
    private static final String AWKWARD = "a\"',;|\t\n\r \\é😀";

    @Test
    void writesWhatCommonsCsvPrintsInFerrysDialect() throws IOException {
        Random random = new Random(13);
        for (FormatOptions options : List.of(FormatOptions.DEFAULTS, csv('|', '\''), csv('\t', '"'), csv(';', '|'))) {
            List<String[]> records = new ArrayList<>();
            records.add(new String[] {null});
            records.add(new String[] {""});
            records.add(new String[] {null, "", null});
            records.add(new String[] {"\"", "\"\"", "'", "x\"y\"z", "\"start", "end\""});
            for (int i = 0; i < 2_000; i++) {
                records.add(randomRecord(random));
            }
            assertEquals(commonsCsv(records, options), ours(records, options), "options " + options);
        }
    }

    private static String[] randomRecord(Random random) {
        String[] fields = new String[1 + random.nextInt(5)];
        for (int i = 0; i < fields.length; i++) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            StringBuilder field = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                field.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26))
                        : AWKWARD.charAt(random.nextInt(AWKWARD.length())));
            }
            fields[i] = field.toString();
        }
        return fields;
    }

    private static String commonsCsv(List<String[]> records, FormatOptions options) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CsvFormats.of(options))) {
            for (String[] record : records) {
                printer.printRecord((Object[]) record);
            }
        }
        return out.toString();
    }

    private static String ours(List<String[]> records, FormatOptions options) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvRecordWriter writer = new CsvRecordWriter(out, options)) {
            for (String[] record : records) {
                writer.write(record);
            }
        }
        return out.toString();
    }

    private static FormatOptions csv(char delimiter, char quote) {
        return new FormatOptions(DataFormat.CSV, true, delimiter, quote, FormatOptions.DEFAULTS.compression(),
                FormatOptions.DEFAULTS.rowGroupRows());
    }
}
