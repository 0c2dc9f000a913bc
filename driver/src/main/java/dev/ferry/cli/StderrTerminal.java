package dev.ferry.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is a terminal, and how wide: Java 17 cannot tell ({@code System.console()} asks of standard
 * input and output, so {@code ferry ... > out.txt} lost the progress), so Linux's {@code /proc/self/fd/2} answers,
 * else {@code test -t 2} and {@code stty size} run on the same standard error.
 */
final class StderrTerminal {
    private static final int DEFAULT_WIDTH = 100;

    private StderrTerminal() {
    }

    static boolean isTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return System.console() != null;
        }
        return run("test -t 2", Redirect.INHERIT) != null;
    }

    /** The terminal's columns, from {@code stty size}; {@value #DEFAULT_WIDTH} where it cannot be read. */
    static int width() {
        String size = run("stty size < /dev/tty", Redirect.DISCARD);
        if (size != null) {
            String[] rowsAndColumns = size.trim().split("\\s+");
            if (rowsAndColumns.length == 2 && rowsAndColumns[1].matches("\\d{1,4}")) {
                int columns = Integer.parseInt(rowsAndColumns[1]);
                return columns > 20 ? columns : DEFAULT_WIDTH;
            }
        }
        return DEFAULT_WIDTH;
    }

    /** What {@code command} printed, where it ran to success. */
    private static String run(String command, Redirect error) {
        try {
            Process process = new ProcessBuilder("sh", "-c", command).redirectError(error).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            // A line or two: it fits in the pipe while the command runs.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
