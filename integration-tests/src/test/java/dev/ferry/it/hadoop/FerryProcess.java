package dev.ferry.it.hadoop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ferry's command line in a JVM of its own, as a user runs it next to Hadoop: {@code java -cp ferry.jar:h2.jar:<Hadoop's
 * client jars> dev.ferry.cli.FerryCommandLine ...}, Hadoop's jars taken from this JVM's class path.
 */
final class FerryProcess {
    /** The jars a user adds for hdfs://: Hadoop's two client jars and what they log through. */
    private static final List<String> HADOOP_JARS = List.of("hadoop-client-api-", "hadoop-client-runtime-", "slf4j-api-",
            "commons-logging-");

    private final Process process;
    private final Path out;
    private final Path err;

    private FerryProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the command line in {@code workDir}.
     *
     * @param jvmOptions options for the JVM ({@code -DHADOOP_USER_NAME=bob})
     */
    static FerryProcess start(Path workDir, List<String> jvmOptions, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add("dev.ferry.cli.FerryCommandLine");
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new FerryProcess(process, out, err);
    }

    private static String classPath() {
        List<String> jars = new ArrayList<>();
        jars.add(property("ferry.jar"));
        jars.add(property("ferry.h2.jar"));
        for (String prefix : HADOOP_JARS) {
            String jar = List.of(testClassPath().split(File.pathSeparator)).stream()
                    .filter(entry -> Path.of(entry).getFileName().toString().startsWith(prefix))
                    .findFirst().orElseThrow(() -> new IllegalStateException(prefix + "*.jar is not on the class path"));
            jars.add(jar);
        }
        return String.join(File.pathSeparator, jars);
    }

    /** The test's class path: failsafe starts the JVM through a jar whose manifest lists it, and names it here. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(name + " (" + value + ") is not a file; run the tests through Maven");
        }
        return value;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM at once, as a crash would (SIGKILL), and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** Waits for the end (at most five minutes) and returns the exit status. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command line did not end in five minutes");
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    @Override
    public String toString() {
        try {
            return "--- stdout\n" + out() + "\n--- stderr\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
