package dev.ferry.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads table folders with Spark 3.5 in local mode, in a JVM of its own on the class path the spark-reader module
 * resolves (Spark's parquet-java, Jackson and Hadoop cannot share the tests' class path with Ferry's): one Spark
 * session for every folder given, so a test class starts Spark once.
 */
public final class SparkReader {
    /** What Spark 3.5 needs opened on Java 17. */
    private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private SparkReader() {
    }

    /**
     * What Spark read of each folder, by the folder's path: {@code schema} (column name to Spark's type),
     * {@code rows} (each value as text, see dev.ferry.spark.SparkRead), or {@code error} where Spark refused it.
     *
     * @param work a directory for the output
     */
    public static Map<String, JsonNode> read(Path work, List<Path> folders) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "spark-read", ".json");
        List<String> command = new ArrayList<>();
        OPENS.forEach(module -> command.add("--add-opens=java.base/" + module + "=ALL-UNNAMED"));
        command.addAll(List.of("-Xmx512m", "-cp", Path.of(property("ferry.spark.classes")) + File.pathSeparator
                + Files.readString(Path.of(property("ferry.spark.classpath"))).trim(), "dev.ferry.spark.SparkRead",
                out.toString()));
        folders.forEach(folder -> command.add(folder.toString()));
        JavaProcess.Result result = JavaProcess.run(work, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Spark failed: " + result);
        }
        Map<String, JsonNode> read = new HashMap<>();
        for (JsonNode folder : new ObjectMapper().readTree(out.toFile())) {
            read.put(folder.get("folder").asText(), folder);
        }
        return read;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
