package dev.ferry.core.operation.importing;

import dev.ferry.core.model.manifest.Manifest;

/**
 * What an import's data phase loads, as the manifest says, for progress with an end.
 *
 * @param files the data files; -1 where unknown
 * @param rows  the rows in them; -1 where unknown
 * @param bytes the files' bytes; -1 where unknown
 */
record DataTotals(int files, long rows, long bytes) {
    /** For an export without Ferry's manifest (DuckDB's own). */
    static final DataTotals UNKNOWN = new DataTotals(-1, -1, -1);

    static DataTotals of(Manifest manifest) {
        int files = 0;
        long rows = 0;
        long bytes = 0;
        for (Manifest.TableEntry table : manifest.tables()) {
            for (Manifest.DataFile file : table.files()) {
                files++;
                rows = rows < 0 || file.rows() < 0 ? -1 : rows + file.rows();
                bytes = bytes < 0 || file.bytes() < 0 ? -1 : bytes + file.bytes();
            }
        }
        return new DataTotals(files, rows, bytes);
    }
}
