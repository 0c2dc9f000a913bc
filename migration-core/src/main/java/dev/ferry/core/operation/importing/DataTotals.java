package dev.ferry.core.operation.importing;

import dev.ferry.core.model.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an import's data phase loads, as the manifest says, for progress with an end.
 *
 * @param files the data files to load, each with its rows and bytes; null where unknown (DuckDB's own exports)
 */
record DataTotals(List<Manifest.DataFile> files) {
    /** For an export without Ferry's manifest (DuckDB's own). */
    static final DataTotals UNKNOWN = new DataTotals(null);

    DataTotals {
        files = files == null ? null : List.copyOf(files);
    }

    static DataTotals of(Manifest manifest) {
        List<Manifest.DataFile> files = new ArrayList<>();
        manifest.tables().forEach(table -> files.addAll(table.files()));
        return new DataTotals(files);
    }

    /** These totals less the files a stopped import had loaded, which a resumed one does not load again. */
    DataTotals without(Set<String> loaded) {
        return files == null || loaded.isEmpty() ? this
                : new DataTotals(files.stream().filter(file -> !loaded.contains(file.file())).toList());
    }

    /** The number of data files; -1 where unknown. */
    int fileCount() {
        return files == null ? -1 : files.size();
    }

    /** The rows in them; -1 where unknown. */
    long rows() {
        return files == null || files.stream().anyMatch(file -> file.rows() < 0) ? -1
                : files.stream().mapToLong(Manifest.DataFile::rows).sum();
    }

    /** Their bytes; -1 where unknown. */
    long bytes() {
        return files == null || files.stream().anyMatch(file -> file.bytes() < 0) ? -1
                : files.stream().mapToLong(Manifest.DataFile::bytes).sum();
    }
}
