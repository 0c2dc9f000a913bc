package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: ferry.jar in an application logs Parquet's warnings through java.util.logging under Parquet's own names,
 * and none of its INFO lines (before, Parquet and Hadoop wrote five INFO lines for one table's export and import).
 */
class LibraryLoggingIT {
    @TempDir
    Path temp;

    @Test
    void parquetWarnsThroughJavaUtilLoggingAndSaysNothingAtInfo() throws Exception {
        String classPath = String.join(File.pathSeparator, JavaProcess.fileFromProperty("ferry.jar").toString(),
                JavaProcess.fileFromProperty("ferry.h2.jar").toString(),
                Path.of(LibraryUse.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        JavaProcess.Result result = JavaProcess.run(temp, List.of("-cp", classPath, LibraryUse.class.getName(),
                temp.resolve("out").toString()));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("rows 1000", "WARNING org.apache.parquet.hadoop.ParquetFileReader a warning about a file"),
                result.out().lines().toList(), result.toString());
        assertEquals("", result.err(), result.toString());
    }
}
