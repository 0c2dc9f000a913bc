package dev.ferry.it.servers;

import java.util.Arrays;
import java.util.Random;

/** The kinds of operation the soak test mixes, each with its weight in the draw; the last eight fail on purpose. */
enum SoakOperation {
    EXPORT_CSV(7),
    EXPORT_PARQUET(5),
    COPY_TO(9),
    COPY_FROM(7),
    IMPORT(4),
    TRANSACTION(30),
    EXPORT_INTO_NON_EMPTY_DIRECTORY(4),
    IMPORT_OF_MISSING_DIRECTORY(4),
    IMPORT_INTO_NON_EMPTY_DATABASE(4),
    IMPORT_FAILING_AFTER_ITS_DATA(2),
    COPY_FROM_BAD_VALUE(5),
    SYNTAX_ERROR(6),
    QUERY_TIMEOUT(3),
    CANCEL(3);

    private static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(kind -> kind.weight).sum();

    private final int weight;

    SoakOperation(int weight) {
        this.weight = weight;
    }

    /** One kind, drawn by weight. */
    static SoakOperation draw(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (SoakOperation kind : values()) {
            ticket -= kind.weight;
            if (ticket < 0) {
                return kind;
            }
        }
        throw new AssertionError("the weights add up to " + TOTAL_WEIGHT);
    }
}
