package dev.ferry.core.operation.exporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #NAME}: what an unfinished export has done, in its staging directory, so that EXPORT ... (RESUME) can keep
 * it. One JSON object a line, each forced to disk as it is written: first the plan (the {@link ExportFingerprint} and
 * every data file with its table and key range), then a run (when its snapshot began), then a line per data file
 * that run finished (its rows, size and SHA-256), written only once the file itself is on disk; a resumed export
 * rewrites the record whole (under another name, then renamed), then adds a run of its own. A line a kill cut short
 * is the last one, and is not read.
 */
final class ExportProgress {
    /** The record's name in the staging directory; it is deleted before the directory becomes the export. */
    static final String NAME = ".ferry-export-progress";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final FileChannel channel;

    private ExportProgress(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * What the export reads and writes, recorded before the first data file.
     *
     * @param fingerprint what decides its files
     * @param reads       every data file, in the order of the export's tables
     */
    record Plan(ExportFingerprint fingerprint, List<PlannedRead> reads) {
        Plan {
            reads = List.copyOf(reads);
        }
    }

    /**
     * One data file of the plan.
     *
     * @param schema the table's schema, or null
     * @param table  the table's name
     * @param file   the data file's name
     * @param split  {@link #KEY} or {@link #POSITIONS} for a chunk of a split table; null for a table read whole
     * @param from   the range's least key (or page), or null for none
     * @param to     the least key (or page) above the range, or null for none
     * @param part   the chunk's number, from 1
     * @param parts  the table's chunks
     */
    record PlannedRead(String schema, String table, String file, String split, String from, String to, int part,
                       int parts) {
        /** A chunk of a table split by ranges of its integer key. */
        static final String KEY = "key";
        /** A chunk of a table split by where its rows are stored (PostgreSQL's ctid). */
        static final String POSITIONS = "positions";
    }

    /**
     * A run: one export statement's reads, in one snapshot.
     *
     * @param startedAt when its snapshot began, ISO 8601 in UTC
     * @param files     the data files it finished, in the order they finished
     */
    record Run(String startedAt, List<ExportTask.Written> files) {
        Run {
            files = List.copyOf(files);
        }
    }

    /**
     * A record as read back.
     *
     * @param plan the plan
     * @param runs the runs, oldest first
     */
    record Recorded(Plan plan, List<Run> runs) {
        Recorded {
            runs = List.copyOf(runs);
        }

        /** The finished files, by name, over every run. */
        Map<String, ExportTask.Written> finished() {
            Map<String, ExportTask.Written> files = new LinkedHashMap<>();
            runs.forEach(run -> run.files().forEach(file -> files.put(file.file(), file)));
            return files;
        }
    }

    /** Begins the record of a new export in {@code staging}: its plan, and its first run. */
    static ExportProgress begin(Path staging, Plan plan, Instant startedAt) throws IOException {
        return rewrite(staging, new Recorded(plan, List.of()), startedAt);
    }

    /**
     * Rewrites the record in {@code staging} as {@code kept} (the plan and the files a resumed export keeps), then
     * begins a new run on it.
     */
    static ExportProgress rewrite(Path staging, Recorded kept, Instant startedAt) throws IOException {
        Path file = staging.resolve(NAME);
        Path next = staging.resolve(NAME + ".next");
        StringBuilder lines = new StringBuilder(line("plan", kept.plan()));
        for (Run run : kept.runs()) {
            lines.append(line("run", run.startedAt()));
            for (ExportTask.Written finished : run.files()) {
                lines.append(line("file", finished));
            }
        }
        lines.append(line("run", startedAt.toString()));
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            write(channel, lines.toString());
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ExportDirectory.forceDirectory(staging);
        return new ExportProgress(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /**
     * Reads the record in {@code staging}: empty where there is none, or none a resumed export can use (no plan: the
     * export was killed before it planned). A last line cut short is left out.
     *
     * @throws IOException where it cannot be read
     */
    static Optional<Recorded> read(Path staging) throws IOException {
        List<String> lines;
        try {
            // Decoded leniently: a kill may cut the last line inside a character; that line is not read anyway.
            lines = new String(Files.readAllBytes(staging.resolve(NAME)), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        Plan plan = null;
        List<Run> runs = new ArrayList<>();
        String startedAt = null;
        List<ExportTask.Written> files = new ArrayList<>();
        for (String line : lines) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException cutShort) {
                break;
            }
            if (node == null || !node.isObject()) {
                break;
            }
            if (node.has("plan")) {
                plan = JSON.treeToValue(node.get("plan"), Plan.class);
            } else if (node.has("run")) {
                if (startedAt != null) {
                    runs.add(new Run(startedAt, files));
                }
                startedAt = node.get("run").asText();
                files = new ArrayList<>();
            } else if (node.has("file") && startedAt != null) {
                files.add(JSON.treeToValue(node.get("file"), ExportTask.Written.class));
            }
        }
        if (startedAt != null) {
            runs.add(new Run(startedAt, files));
        }
        return plan == null ? Optional.empty() : Optional.of(new Recorded(plan, runs));
    }

    /** Records that {@code finished}'s data file, already forced to disk, is done: one line, forced to disk. */
    synchronized void finished(ExportTask.Written finished) throws IOException {
        write(channel, line("file", finished));
    }

    /** Closes and deletes the record: the export is complete, and its directory is about to become the export. */
    synchronized void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    /** Closes the record, leaving it in place (the export failed, and can be resumed). */
    synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Every line written was forced to disk already.
        }
    }

    private static String line(String kind, Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(Map.of(kind, value)) + "\n";
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }
}
