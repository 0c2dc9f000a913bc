package dev.ferry.core.format.parquet;

import dev.ferry.core.format.KindConversion;
import dev.ferry.core.format.KindConversion.BinaryText;
import dev.ferry.core.value.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Assembles one row from a Parquet record: each column's value decoded by the file's type and converted to the
 * kind of the table's column.
 */
final class RowConverter extends GroupConverter {
    private final Converter[] fields;
    private final int rowLength;
    private Object[] row;

    /**
     * @param schema    the file's columns that are read, in the file's order
     * @param positions for each of those columns, its position in the row
     * @param targets   for each position in the row, the kind the table's column wants
     * @param plainTimes the columns whose plain {@code int64} values are TIME microseconds ({@link PlainTimeColumns})
     */
    RowConverter(GroupType schema, int[] positions, ValueKind[] targets, Set<String> plainTimes) {
        this.rowLength = targets.length;
        this.fields = new Converter[schema.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            int position = positions[i];
            ValueKind target = targets[position];
            String name = schema.getType(i).getName();
            fields[i] = converter(schema.getType(i), name, plainTimes.contains(name), (value, kind) -> {
                try {
                    row[position] = KindConversion.convertNamingTheValue(value, kind, target, BinaryText.UTF8);
                } catch (RuntimeException e) {
                    throw new ColumnValueException(name, e);
                }
            });
        }
    }

    /** The row assembled last. */
    Object[] row() {
        return row;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return fields[fieldIndex];
    }

    @Override
    public void start() {
        row = new Object[rowLength];
    }

    @Override
    public void end() {
        // the row is complete
    }

    private static Converter converter(Type type, String column, boolean plainTime, Sink sink) {
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            throw new IllegalArgumentException("column " + column + " is a repeated field without the LIST annotation,"
                    + " which Ferry does not read");
        }
        if (type.isPrimitive()) {
            PrimitiveType primitive = type.asPrimitiveType();
            boolean asTime = plainTime && primitive.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                    && primitive.getLogicalTypeAnnotation() == null;
            return new ValueConverter(asTime ? new ValueDecoder(primitive, LogicalTypeAnnotation.timeType(false,
                    LogicalTypeAnnotation.TimeUnit.MICROS)) : new ValueDecoder(primitive), column, sink);
        }
        GroupType group = type.asGroupType();
        if (!(group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
                || group.getFieldCount() != 1) {
            throw new IllegalArgumentException("column " + type.getName() + " has the Parquet type " + type
                    + ", which Ferry does not read (only primitive columns and lists)");
        }
        return new ListConverter(group.getType(0), column, sink);
    }

    /** Receives a decoded value and its kind. */
    @FunctionalInterface
    interface Sink {
        void accept(Object value, ValueKind kind);
    }

    /** A value of the named column could not be converted to the table's type. */
    static final class ColumnValueException extends RuntimeException {
        private final String column;

        ColumnValueException(String column, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /** A primitive column, or a list's elements: a value that cannot be decoded names the column. */
    private static final class ValueConverter extends PrimitiveConverter {
        private final ValueDecoder decoder;
        private final String column;
        private final Sink sink;

        ValueConverter(ValueDecoder decoder, String column, Sink sink) {
            this.decoder = decoder;
            this.column = column;
            this.sink = sink;
        }

        private void deliver(Supplier<Object> decode) {
            Object value;
            try {
                value = decode.get();
            } catch (RuntimeException e) {
                throw new ColumnValueException(column, e);
            }
            sink.accept(value, decoder.kind());
        }

        @Override
        public void addBoolean(boolean value) {
            deliver(() -> decoder.fromBoolean(value));
        }

        @Override
        public void addInt(int value) {
            deliver(() -> decoder.fromInt(value));
        }

        @Override
        public void addLong(long value) {
            deliver(() -> decoder.fromLong(value));
        }

        @Override
        public void addFloat(float value) {
            deliver(() -> decoder.fromFloat(value));
        }

        @Override
        public void addDouble(double value) {
            deliver(() -> decoder.fromDouble(value));
        }

        @Override
        public void addBinary(Binary value) {
            deliver(() -> decoder.fromBinary(value));
        }
    }

    /**
     * A list column, as the standard three levels ({@code repeated group list { element }}) or the older two
     * ({@code repeated <primitive>}): its elements as text, as {@link ValueKind#ARRAY} carries them.
     */
    private static final class ListConverter extends GroupConverter {
        private final Sink sink;
        private final Converter repeated;
        private final List<Object> elements = new ArrayList<>();

        ListConverter(Type repeatedType, String column, Sink sink) {
            this.sink = sink;
            if (repeatedType.isPrimitive()) {
                ValueDecoder decoder = new ValueDecoder(repeatedType.asPrimitiveType());
                this.repeated = new ValueConverter(decoder, column,
                        (value, kind) -> elements.add(decoder.elementText(value)));
            } else {
                this.repeated = new ElementConverter(repeatedType.asGroupType(), column, elements);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            elements.clear();
        }

        @Override
        public void end() {
            sink.accept(elements.toArray(), ValueKind.ARRAY);
        }
    }

    /** The repeated group of a three-level list: one element, which may be null. */
    private static final class ElementConverter extends GroupConverter {
        private final List<Object> elements;
        private final Converter element;
        private Object value;

        ElementConverter(GroupType repeatedGroup, String column, List<Object> elements) {
            this.elements = elements;
            Type elementType = repeatedGroup.getType(0);
            if (!elementType.isPrimitive() || repeatedGroup.getFieldCount() != 1) {
                throw new IllegalArgumentException("list elements of type " + elementType
                        + " are not read by Ferry (nested lists and structs)");
            }
            PrimitiveType primitive = elementType.asPrimitiveType();
            ValueDecoder decoder = new ValueDecoder(primitive);
            this.element = new ValueConverter(decoder, column, (decoded, kind) -> value = decoder.elementText(decoded));
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            elements.add(value);
        }
    }
}
