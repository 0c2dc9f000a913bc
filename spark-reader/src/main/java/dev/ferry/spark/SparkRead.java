package dev.ferry.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Reads table folders with {@code spark.read.parquet(folder)} in one local Spark session and writes, as one JSON
 * object per folder, what Spark gave: its schema and every row's values as text, or the error it refused the folder
 * with.
 *
 * <p>Arguments: the output file, then the folders. Values: null for NULL; {@code byte[]} in lower-case hex; decimals
 * plain; lists as JSON arrays of their elements' text; anything else as Java's {@code toString} of the object Spark's
 * Java 8 time API gives ({@code LocalDate}, {@code LocalDateTime}, {@code Instant}).
 */
public final class SparkRead {

    private SparkRead() {
    }

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("ferry-spark-read")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", "1")
                .getOrCreate();
        List<Map<String, Object>> results = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                results.add(read(spark, args[i]));
            }
        } finally {
            spark.stop();
        }
        new ObjectMapper().writeValue(new File(args[0]), results);
    }

    private static Map<String, Object> read(SparkSession spark, String folder) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("folder", folder);
        try {
            Dataset<Row> rows = spark.read().parquet(folder);
            Map<String, String> schema = new LinkedHashMap<>();
            for (StructField field : rows.schema().fields()) {
                schema.put(field.name(), field.dataType().simpleString());
            }
            List<List<Object>> values = new ArrayList<>();
            for (Row row : rows.collectAsList()) {
                List<Object> line = new ArrayList<>();
                for (int i = 0; i < row.length(); i++) {
                    line.add(row.isNullAt(i) ? null : text(row.get(i)));
                }
                values.add(line);
            }
            result.put("schema", schema);
            result.put("rows", values);
        } catch (Exception e) {
            Throwable cause = e;
            StringBuilder messages = new StringBuilder();
            for (; cause != null; cause = cause.getCause()) {
                messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
            }
            result.put("error", messages.toString());
        }
        return result;
    }

    private static Object text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            List<Object> elements = new ArrayList<>();
            scala.collection.Iterator<?> iterator = seq.iterator();
            while (iterator.hasNext()) {
                elements.add(text(iterator.next()));
            }
            return elements;
        }
        return value.toString();
    }
}
