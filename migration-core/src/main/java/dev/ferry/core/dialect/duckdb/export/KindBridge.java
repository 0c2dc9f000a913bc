package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ZoneConversion;

/**
 * Turns a value read as the kind of its DuckDB type into the kind of the column it is loaded into, where the target
 * engine's column carries it otherwise (a BOOLEAN as an integer, a TIMESTAMPTZ as a timestamp, an INTERVAL or a list as
 * text): through Ferry's text form of the value, which every kind reads, and between times with and without a zone
 * at UTC, as the Parquet reader converts its values.
 */
final class KindBridge {

    private KindBridge() {
    }

    static Object convert(Object value, ValueKind from, ValueKind to) {
        if (from == to) {
            return value;
        }
        if (value instanceof Boolean bool && (to == ValueKind.INTEGER || to == ValueKind.BIGINT)) {
            return to.parse(bool ? "1" : "0");
        }
        Object converted = ZoneConversion.atUtc(value, to);
        if (converted != null) {
            return converted;
        }
        return to.parse(value instanceof Object[] elements ? ValueKind.ARRAY.format(elements)
                : DuckDbValueText.elementText(from, value));
    }
}
