package dev.ferry.core.operation.exporting;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An export's reads as its progress record keeps them ({@link ExportProgress.PlannedRead}), and back: a resumed export
 * reads the files it lacks with the same tables, files and key ranges as the export it resumes planned.
 */
final class ResumedReads {

    private ResumedReads() {
    }

    /** {@code reads} as the progress record keeps them. */
    static List<ExportProgress.PlannedRead> planned(List<TableRead> reads) {
        List<ExportProgress.PlannedRead> planned = new ArrayList<>(reads.size());
        for (TableRead read : reads) {
            String split = read.by() == null ? null
                    : read.by().positions() ? ExportProgress.PlannedRead.POSITIONS : ExportProgress.PlannedRead.KEY;
            planned.add(new ExportProgress.PlannedRead(read.table().name().schema(), read.table().name().name(),
                    read.file(), split, text(read.range().from()), text(read.range().to()), read.part(),
                    read.parts()));
        }
        return planned;
    }

    /**
     * The reads of {@code plan}, each of its table as read now; a table split by where its rows are stored is held as
     * a new export holds it ({@link ChunkPlanner#splitBy}). Run on the connection in the export's snapshot.
     *
     * @param tables the tables read now, which the plan's {@link ExportFingerprint} was checked against
     */
    static List<TableRead> of(ExportProgress.Plan plan, List<Table> tables, ChunkPlanner planner)
            throws SQLException {
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        Map<QualifiedName, SplitBy> splits = new HashMap<>();
        List<TableRead> reads = new ArrayList<>();
        for (ExportProgress.PlannedRead read : plan.reads()) {
            QualifiedName name = new QualifiedName(read.schema(), read.table());
            Table table = byName.get(name);
            if (table == null) {
                throw new IllegalStateException("table " + name + " of the plan is not in the export");
            }
            SplitBy by = null;
            if (read.split() != null) {
                by = splits.get(name);
                if (by == null) {
                    by = planner.splitBy(table, ExportProgress.PlannedRead.POSITIONS.equals(read.split()));
                    splits.put(name, by);
                }
            }
            KeyRange range = by == null ? KeyRange.ALL : new KeyRange(integer(read.from()), integer(read.to()));
            reads.add(new TableRead(table, by, range, read.file(), read.part(), read.parts()));
        }
        return reads;
    }

    private static String text(BigInteger value) {
        return value == null ? null : value.toString();
    }

    private static BigInteger integer(String text) {
        return text == null ? null : new BigInteger(text);
    }
}
