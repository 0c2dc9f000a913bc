package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.manifest.DataFilePaths;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.operation.script.TargetScripts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The data phase of a Ferry export imported into another engine than the one its scripts are written for: every
 * data file of the manifest (each chunk of a chunked table, in turn) loaded into its table as translated, with the manifest's reader options as the target's
 * load.sql would give them ({@link Dialect#copyFromOptions}). The export's load.sql, written for its own engine, is
 * not read. Where the target checks each row's keys as it loads, the tables are loaded referenced ones first
 * ({@link TargetScripts#loadOrder}).
 */
final class ManifestLoads {

    private ManifestLoads() {
    }

    /**
     * The loads of the manifest's data files, made when the data phase runs them. Running them throws an SQLException
     * where the manifest's options are not ones Ferry reads, or the translated schema has no table for a data file.
     *
     * @param scripts the export's schema as translated for {@code target}
     */
    static LoadSteps of(ExportSource source, TargetScripts scripts, Dialect target) {
        return action -> {
            for (LoadStep step : steps(source, scripts, target)) {
                action.run(step);
            }
        };
    }

    private static List<LoadStep> steps(ExportSource source, TargetScripts scripts, Dialect target)
            throws SQLException {
        Manifest manifest = source.manifest();
        FormatOptions options;
        try {
            options = FormatOptions.from(target.copyFromOptions(manifest.options()), "COPY");
        } catch (SQLException e) {
            throw FerryErrors.withContext(ManifestFile.NAME, e);
        }
        List<LoadStep> steps = new ArrayList<>();
        for (Manifest.TableEntry entry : scripts.loadOrder(manifest.tables())) {
            QualifiedName name = new QualifiedName(entry.schema(), entry.name());
            Table table = scripts.table(name);
            if (table == null) {
                throw FerryErrors.data("IMPORT DATABASE: " + SchemaFile.NAME + " has no table " + name
                        + " for data file " + entry.files().get(0).file() + " listed in the manifest");
            }
            List<String> columns = table.dataColumns().stream().map(Column::name).map(target::quoteIdentifier)
                    .toList();
            for (Manifest.DataFile file : entry.files()) {
                TableLoad load = new TableLoad(target.quote(table.name()), columns,
                        new FormattedFile(DataFilePaths.inside(source.directory(), file.file(), ManifestFile.NAME),
                                options, file.sha256()));
                steps.add(new LoadStep.LoadTable(load, file.file(), OptionalLong.of(file.rows()), file.bytes(),
                        entry.files().size() > 1));
            }
        }
        return steps;
    }
}
