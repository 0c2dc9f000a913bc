package dev.ferry.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a separate JVM, as a user would run Ferry's command line, and captures what it prints. */
final class JavaProcess {

    /**
     * What a finished process printed.
     *
     * @param exitCode its exit status
     * @param out      standard output
     * @param err      standard error
     */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private JavaProcess() {
    }

    /** Runs {@code java <arguments>} in {@code workDir}, waiting at most ten minutes. */
    static Result run(Path workDir, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs Ferry's command line, {@code java -jar <ferryJar> <arguments>}, in {@code workDir}. */
    static Result ferry(Path workDir, Path ferryJar, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", ferryJar.toString()));
        command.addAll(List.of(arguments));
        return run(workDir, command);
    }

    /** The path of a file named by a system property that the build sets. */
    static Path fileFromProperty(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist; run 'package' first (./mvnw verify does)");
        }
        return path;
    }
}
