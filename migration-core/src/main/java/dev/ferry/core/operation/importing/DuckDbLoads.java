package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.operation.script.TargetScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The data phase of a directory written by DuckDB's own EXPORT DATABASE: each COPY of its load.sql loads its table as
 * translated for the target, the columns it lists (else all but the generated ones) by the target's names, the file
 * read by a reader of DuckDB's text forms ({@link DuckDbExport.TableLoad#open}).
 */
final class DuckDbLoads {

    private DuckDbLoads() {
    }

    /**
     * @param scripts the export's schema as translated for {@code target}
     * @throws SQLException where a COPY loads a table schema.sql does not create
     */
    static LoadSteps of(DuckDbExport export, TargetScripts scripts, Dialect target) throws SQLException {
        Map<QualifiedName, Table> exportedTables = new HashMap<>();
        export.schema().tables().forEach(table -> exportedTables.put(table.name(), table));
        List<LoadStep> steps = new ArrayList<>();
        for (DuckDbExport.TableLoad load : export.loads()) {
            Table exported = exportedTables.get(load.table());
            if (exported == null) {
                throw FerryErrors.data("IMPORT DATABASE: load.sql line " + load.line() + " loads " + load.table()
                        + ", which schema.sql does not create");
            }
            Table table = scripts.table(load.table());
            TableLoad tableLoad = new TableLoad(target.quote(table.name()), columns(load, exported, table, target),
                    load);
            steps.add(new LoadStep.LoadTable(tableLoad, load.file().getFileName().toString(), OptionalLong.empty(),
                    size(load.file()), false));
        }
        return LoadSteps.of(steps);
    }

    /** The columns the COPY lists, else all but the generated ones, each by the target's name of it. */
    private static List<String> columns(DuckDbExport.TableLoad load, Table exported, Table table, Dialect target) {
        List<String> exportedNames = exported.columns().stream().map(Column::name).toList();
        List<String> named = load.columns().isEmpty()
                ? exported.dataColumns().stream().map(Column::name).toList() : load.columns();
        List<String> columns = new ArrayList<>();
        for (String name : named) {
            int index = exportedNames.indexOf(name);
            columns.add(target.quoteIdentifier(index < 0 ? name : table.columns().get(index).name()));
        }
        return columns;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
