package dev.ferry.it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file descriptors this JVM has open, as Linux lists them in {@code /proc/self/fd}: each descriptor's number and
 * what it points to (a file's path, {@code socket:[…]}, {@code pipe:[…]}).
 */
final class OpenFiles {
    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    private final Map<Integer, String> targets;

    private OpenFiles(Map<Integer, String> targets) {
        this.targets = targets;
    }

    /** Whether the system lists a process's descriptors (Linux). */
    static boolean listed() {
        return Files.isDirectory(DESCRIPTORS);
    }

    /** The descriptors open now. */
    static OpenFiles now() throws IOException {
        Map<Integer, String> targets = new TreeMap<>();
        try (Stream<Path> descriptors = Files.list(DESCRIPTORS)) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    targets.put(Integer.valueOf(descriptor.getFileName().toString()),
                            Files.readSymbolicLink(descriptor).toString());
                } catch (IOException closedMeanwhile) {
                    // The directory's own descriptor, or one closed between listing and reading: not open any more.
                }
            }
        }
        return new OpenFiles(targets);
    }

    /** How many are open. */
    int count() {
        return targets.size();
    }

    /** Those open on a file in {@code directory} or below, as {@code fd -> target}. */
    List<String> under(Path directory) {
        String prefix = directory.toAbsolutePath() + "/";
        List<String> open = new ArrayList<>();
        targets.forEach((fd, target) -> {
            if (target.startsWith(prefix)) {
                open.add(fd + " -> " + target);
            }
        });
        return open;
    }

    /** Those open now that were not open in {@code before} (or were, to something else), as {@code fd -> target}. */
    List<String> openedSince(OpenFiles before) {
        List<String> opened = new ArrayList<>();
        targets.forEach((fd, target) -> {
            if (!target.equals(before.targets.get(fd))) {
                opened.add(fd + " -> " + target);
            }
        });
        return opened;
    }
}
