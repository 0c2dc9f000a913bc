package dev.ferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the architecture (docs/architecture.md): operation → dialect → format → model → sql → value,
 * each layer using only those below it; engines never use each other; no two packages use each other, directly or
 * through others. Read from the main sources' imports and fully qualified names.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String CORE = "dev.ferry.core";
    /** The layers from the top; a package belongs to the first whose prefix it has. */
    private static final List<String> LAYERS = List.of(CORE + ".operation", CORE + ".dialect", CORE + ".format",
            CORE + ".model", CORE + ".sql", CORE + ".value", CORE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.ferry(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    private static final Map<String, Set<String>> uses = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                assertTrue(declared.find(), file + " declares no package");
                String from = declared.group(1);
                Matcher reference = REFERENCE.matcher(text.substring(declared.end()));
                while (reference.find()) {
                    if (!reference.group(1).equals(from)) {
                        uses.computeIfAbsent(from, p -> new TreeSet<>()).add(reference.group(1));
                    }
                }
            }
        }
        assertTrue(uses.containsKey(CORE + ".operation.exporting"),
                "the sources were read from " + SOURCES.toAbsolutePath());
    }

    @Test
    void noLayerUsesOneAboveIt() {
        List<String> upward = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> layer(to) < layer(from))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertEquals(List.of(), upward);
    }

    @Test
    void enginesDoNotUseEachOther() {
        List<String> across = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> engine(from) != null && engine(to) != null && !engine(from).equals(engine(to)))
                .forEach(to -> across.add(from + " -> " + to)));
        assertEquals(List.of(), across);
    }

    @Test
    void noPackagesUseEachOther() {
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (from.compareTo(to) < 0 && reachable(to).contains(from)) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (pkg.equals(LAYERS.get(i)) || pkg.startsWith(LAYERS.get(i) + ".")) {
                return i;
            }
        }
        throw new AssertionError(pkg + " is in no layer");
    }

    /** The engine a package of {@code dialect/<engine>} belongs to, else null. */
    private static String engine(String pkg) {
        String prefix = CORE + ".dialect.";
        return pkg.startsWith(prefix) ? pkg.substring(prefix.length()).split("\\.")[0] : null;
    }

    private static Set<String> reachable(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> next = new ArrayList<>(List.of(start));
        while (!next.isEmpty()) {
            for (String to : uses.getOrDefault(next.remove(next.size() - 1), Set.of())) {
                if (seen.add(to)) {
                    next.add(to);
                }
            }
        }
        return seen;
    }
}
