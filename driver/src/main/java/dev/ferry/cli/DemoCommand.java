package dev.ferry.cli;

import dev.ferry.driver.FerryConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry demo}: builds a sample embedded H2 database, exports it through Ferry's SQL, imports the export into
 * a fresh database, verifies the copy against the export (VERIFY DATABASE: every row, key, index and view) and
 * prints a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds a sample H2 database, exports it, imports it into a fresh one and verifies every row.")
final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".ferry-demo";

    @ParentCommand
    FerryCommandLine parent;

    @Option(names = "--driver", paramLabel = "<jar>", description = "The H2 2.x driver jar; may be repeated.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "<dir>",
            description = "Work directory, emptied first if an earlier demo made it (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of("ferry-demo");

    @Option(names = "--rows", paramLabel = "<n>", description = "Order lines in the sample (default: ${DEFAULT-VALUE}).")
    int orderLines = 120_000;

    @Override
    public Integer call() throws Exception {
        PrintStream out = parent.out();
        prepareDirectory();
        Path work = directory.toAbsolutePath();
        Path export = work.resolve("export");
        try (DriverLoader loader = new DriverLoader(drivers);
             Connection source = loader.connect("jdbc:h2:" + work.resolve("source"), new Properties());
             Connection target = loader.connect("jdbc:h2:" + work.resolve("target"), new Properties())) {
            ProgressDisplay progress = ProgressDisplay.on(parent.err(), parent.verbosity());
            source.unwrap(FerryConnection.class).setProgressListener(progress);
            target.unwrap(FerryConnection.class).setProgressListener(progress);
            out.println("Building the sample database in " + work.resolve("source.mv.db") + " ...");
            SampleDatabase.create(source, orderLines, out);

            out.println("EXPORT DATABASE '" + export + "'");
            long start = System.nanoTime();
            List<String[]> tables = new ArrayList<>();
            long rows;
            long bytes = 0;
            try (Statement statement = source.createStatement();
                 ResultSet result = statement.executeQuery("EXPORT DATABASE '" + export.toString().replace("'", "''") + "'")) {
                while (result.next()) {
                    tables.add(new String[] {result.getString("table_name"), result.getString("rows")});
                    bytes += result.getLong("bytes");
                }
                rows = tables.stream().mapToLong(t -> Long.parseLong(t[1])).sum();
            } finally {
                progress.statementDone();
            }
            double exportSeconds = seconds(start);

            out.println("IMPORT DATABASE '" + export + "' into " + work.resolve("target.mv.db"));
            start = System.nanoTime();
            try (Statement statement = target.createStatement()) {
                statement.executeUpdate("IMPORT DATABASE '" + export.toString().replace("'", "''") + "'");
            } finally {
                progress.statementDone();
            }
            double importSeconds = seconds(start);

            out.println("VERIFY DATABASE '" + export + "' on " + work.resolve("target.mv.db"));
            start = System.nanoTime();
            List<String> differences = new ArrayList<>();
            try (Statement statement = target.createStatement();
                 ResultSet result = statement.executeQuery("VERIFY DATABASE '" + export.toString().replace("'", "''")
                         + "'")) {
                while (result.next()) {
                    if (!result.getString("status").equals("ok")) {
                        differences.add(result.getString("table_name") + ": " + result.getString("status")
                                + (result.getString("detail") == null ? "" : ", " + result.getString("detail")));
                    }
                }
            }
            double verifySeconds = seconds(start);

            out.println();
            for (String[] table : tables) {
                out.printf("  %-28s %,10d rows%n", table[0], Long.parseLong(table[1]));
            }
            out.printf("Tables: %d, rows: %,d, bytes: %,d%n", tables.size(), rows, bytes);
            out.printf("Export: %.1f s, import: %.1f s, verification: %.1f s%n", exportSeconds, importSeconds,
                    verifySeconds);
            if (!differences.isEmpty()) {
                differences.forEach(d -> parent.err().println("Difference: " + d));
                out.println("Result: the copy DIFFERS from the source");
                return 1;
            }
            out.println("Result: every row of every table matches the export, which is in " + export);
            return 0;
        }
    }

    private void prepareDirectory() throws IOException {
        if (Files.exists(directory)) {
            if (!Files.exists(directory.resolve(MARKER))) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException(directory.toAbsolutePath()
                                + " exists and was not made by ferry demo; choose another with --dir");
                    }
                }
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
        Files.createFile(directory.resolve(MARKER));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
