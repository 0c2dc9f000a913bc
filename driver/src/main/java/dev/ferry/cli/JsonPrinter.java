package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Prints a result set as a JSON array of objects, one per row, every row, keyed by column label, as DuckDB's
 * {@code -json} does: integers, decimals and booleans as JSON's, NULL as null, everything else as the driver's text.
 * A label that two columns share is made unique ({@code id}, {@code id_2}), as a JSON object's keys must be.
 */
final class JsonPrinter implements ResultPrinter {
    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    JsonPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        String[] labels = new String[metaData.getColumnCount()];
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            // Two columns of one label (SELECT a.id, b.id) stay two keys: id, id_2.
            String label = metaData.getColumnLabel(i + 1);
            labels[i] = label;
            for (int n = 2; !taken.add(labels[i]); n++) {
                labels[i] = label + "_" + n;
            }
        }
        try {
            JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartArray();
            while (resultSet.next()) {
                json.writeStartObject();
                for (int i = 0; i < labels.length; i++) {
                    json.writeFieldName(labels[i]);
                    write(json, resultSet, i + 1);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.close();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator json, ResultSet resultSet, int column) throws SQLException, IOException {
        Object value = resultSet.getObject(column);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else {
            json.writeString(resultSet.getString(column));
        }
    }
}
