package dev.ferry.core.format.parquet;

import dev.ferry.core.format.FileLabel;
import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file's rows through parquet-hadoop's {@link ParquetFileReader}, a row group at a time, without
 * Hadoop (no ParquetReader, whose builder needs Hadoop's MapReduce classes and which logs each row group at INFO): its
 * columns are matched to the table's by name, each value decoded by the file's type and converted to the table's kind.
 */
public final class ParquetTableReader implements TableReader {
    private final Path file;
    private final ParquetFileReader reader;
    private final MessageColumnIO columns;
    private final RowMaterializer materializer;
    private RecordReader<Object[]> group;
    private long leftInGroup;
    private long row;

    public ParquetTableReader(Path file, List<DataColumn> columns) throws IOException, SQLException {
        this.file = file;
        this.reader = open(file);
        try {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> expected = columns.stream().map(DataColumn::name).toList();
            List<String> found = schema.getFields().stream().map(Type::getName).toList();
            int[] positions = positions(found, expected);
            ValueKind[] targets = columns.stream().map(DataColumn::kind).toArray(ValueKind[]::new);
            try {
                this.materializer = new RowMaterializer(schema, positions, targets,
                        PlainTimeColumns.read(reader.getFooter().getFileMetaData().getKeyValueMetaData()));
            } catch (IllegalArgumentException e) {
                throw FerryErrors.data(FileLabel.of(file) + ": " + e.getMessage(), e);
            }
            this.columns = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
                    .getColumnIO(schema, schema, true);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The file's footer read; a page whose CRC does not match fails the read (see {@link LocalReadOptions}). */
    private static ParquetFileReader open(Path file) throws SQLException {
        try {
            return ParquetFileReader.open(new LocalInputFile(file), LocalReadOptions.create());
        } catch (IOException | RuntimeException e) {
            throw FerryErrors.data(FileLabel.of(file) + " cannot be read as Parquet: " + e.getMessage(), e);
        }
    }

    /**
     * For each of the file's columns, the position of the table's column of that name: the same name, else the only
     * one differing in case alone (DuckDB writes {@code id} where H2 names the column {@code ID}).
     */
    private int[] positions(List<String> found, List<String> expected) throws SQLException {
        int[] positions = new int[found.size()];
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            int position = expected.indexOf(found.get(i));
            if (position < 0) {
                String name = found.get(i);
                List<Integer> alike = IntStream.range(0, expected.size())
                        .filter(j -> expected.get(j).equalsIgnoreCase(name)).boxed().toList();
                position = alike.size() == 1 ? alike.get(0) : -1;
            }
            if (position < 0 || !taken.add(position) || found.size() != expected.size()) {
                throw FerryErrors.data(FileLabel.of(file) + " holds the columns " + found
                        + " but the table's columns are " + expected);
            }
            positions[i] = position;
        }
        return positions;
    }

    @Override
    public Object[] next() throws IOException, SQLException {
        Object[] values;
        try {
            values = read();
        } catch (RuntimeException e) {
            RowConverter.ColumnValueException value = columnValue(e);
            row++;
            if (value != null) {
                throw FerryErrors.data(position() + ", column " + value.column() + ": " + value.getMessage(), e);
            }
            throw FerryErrors.data(position() + " cannot be read: " + rootCause(e).getMessage(), e);
        }
        if (values != null) {
            row++;
        }
        return values;
    }

    private Object[] read() throws IOException {
        while (leftInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            leftInGroup = pages.getRowCount();
            group = columns.getRecordReader(pages, materializer);
        }
        leftInGroup--;
        return group.read();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RowConverter.ColumnValueException columnValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RowConverter.ColumnValueException value) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String position() {
        return "row " + row + " of " + FileLabel.of(file);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
