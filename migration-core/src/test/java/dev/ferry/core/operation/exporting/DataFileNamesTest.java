package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.model.schema.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFileNamesTest {

    @Test
    void eachTableHasAFolderOfItsOwn_withItsPartsNumberedFromOne() {
        DataFileNames names = new DataFileNames("parquet");
        assertEquals("data/public.orders/part-0001.parquet", names.next(new QualifiedName("public", "orders")));
        assertEquals(List.of("data/public.big/part-0001.parquet", "data/public.big/part-0002.parquet",
                "data/public.big/part-0003.parquet"), names.next(new QualifiedName("public", "big"), 3));
        assertEquals("data/keyless/part-0001.parquet", names.next(new QualifiedName(null, "keyless")));
    }

    @Test
    void folderNamesAreLowerCaseSafeUniqueAndShort() {
        DataFileNames names = new DataFileNames("csv");
        assertEquals("data/s.order_items/part-0001.csv", names.next(new QualifiedName("S", "Order Items")));
        assertEquals("data/s.order_items_2/part-0001.csv", names.next(new QualifiedName("s", "order items")));
        assertEquals("data/s.order_items_3/part-0001.csv", names.next(new QualifiedName("s", "ORDER.ITEMS")));
        assertEquals("data/_.a_b_c/part-0001.csv", names.next(new QualifiedName("", "a/b\\c")));
        assertEquals("data/x.____/part-0001.csv", names.next(new QualifiedName("x", "..=?")));
        String folder = names.next(new QualifiedName("s", "t".repeat(300))).split("/")[1];
        assertEquals(100, folder.length());
        assertEquals("s." + "t".repeat(98) + "_2",
                names.next(new QualifiedName("s", "t".repeat(299))).split("/")[1]);
    }

    /** For DuckDB's own IMPORT, which reads 'data/main.t/part-0001.csv' as 'part-0001.csv' in the directory. */
    @Test
    void besideTheScripts_asEarlierVersionsWroteEveryExport() {
        DataFileNames names = new DataFileNames("csv", true);
        assertEquals("main.orders.csv", names.next(new QualifiedName("main", "orders")));
        assertEquals(List.of("main.big.part-0001.csv", "main.big.part-0002.csv"),
                names.next(new QualifiedName("main", "big"), 2));
        assertEquals("main.orders_2.csv", names.next(new QualifiedName("MAIN", "Orders")));
    }
}
