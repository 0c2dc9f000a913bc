package dev.ferry.core.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What goes with the tables a choice leaves out: triggers and rules on them, sequences they own, keys and views. */
class SchemaSelectionTest {
    private static final QualifiedName ORDERS = new QualifiedName("sales", "orders");
    private static final QualifiedName LOG = new QualifiedName("sales", "log");
    private static final QualifiedName PEOPLE = new QualifiedName("hr", "people");

    private final TableSelection selection = new TableSelection(Set.of(ORDERS, PEOPLE), Set.of(LOG,
            new QualifiedName("sales", "log_id_seq"), new QualifiedName("sales", "free_seq")));

    @Test
    void triggersAndRulesOnATableLeftOutGo() {
        DatabaseSchema schema = schema(List.of(
                "CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF a ON sales.log FOR EACH ROW EXECUTE FUNCTION f()",
                "CREATE TRIGGER t2 AFTER INSERT ON sales.orders FOR EACH ROW EXECUTE FUNCTION g()",
                "CREATE RULE r1 AS ON INSERT TO sales.log DO INSTEAD NOTHING",
                "CREATE RULE r2 AS ON DELETE TO sales.orders DO ALSO NOTIFY orders",
                "CREATE TRIGGER \"T3\" BEFORE INSERT ON \"sales\".\"log\" FOR EACH ROW CALL \"x.Y\""),
                List.of(), List.of());
        List<String> kept = new SchemaSelection(selection, false).apply(schema).triggers();
        assertEquals(List.of(
                "CREATE TRIGGER t2 AFTER INSERT ON sales.orders FOR EACH ROW EXECUTE FUNCTION g()",
                "CREATE RULE r2 AS ON DELETE TO sales.orders DO ALSO NOTIFY orders"), kept);
        String mariaDb = "CREATE TRIGGER t4 BEFORE INSERT ON `log` FOR EACH ROW SET NEW.a = 1";
        String kept4 = "CREATE TRIGGER t5 BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.a = 1";
        assertEquals(List.of(kept4), new SchemaSelection(selection, true)
                .apply(schema(List.of(mariaDb, kept4), List.of(), List.of())).triggers());
    }

    @Test
    void aSequenceOwnedByATableLeftOutGoesAndOneNamedByADefaultStays() {
        SchemaSelection leftOut = new SchemaSelection(selection, false);
        Table orders = new Table(ORDERS, List.of(new Column("id", "bigint", java.sql.Types.BIGINT, 19, 0, false,
                "nextval('sales.free_seq'::regclass)", null, null, null)), null, List.of(), List.of(), null);
        assertTrue(leftOut.leavesOut(sequence("log_id_seq", "sales.log.id"), List.of(orders)));
        assertFalse(leftOut.leavesOut(sequence("orders_id_seq", "sales.orders.id"), List.of(orders)));
        assertFalse(leftOut.leavesOut(sequence("free_seq", null), List.of(orders)));
        assertTrue(leftOut.leavesOut(sequence("free_seq", null), List.of()));
    }

    @Test
    void keysIntoATableLeftOutAndViewsReadingOneGoWithAWarning() {
        ForeignKey intoLog = new ForeignKey("fk_log", ORDERS, List.of("log_id"), LOG, List.of("id"), null, null);
        ForeignKey intoPeople = new ForeignKey("fk_p", ORDERS, List.of("p"), PEOPLE, List.of("id"), null, null);
        View readsLog = new View(new QualifiedName("sales", "v1"), "SELECT l.id FROM sales.log l", false, Set.of());
        View readsV1 = new View(new QualifiedName("sales", "v2"), "SELECT * FROM sales.v1", false,
                Set.of(new QualifiedName("sales", "v1")));
        View otherLog = new View(new QualifiedName("sales", "v3"), "SELECT id FROM other.log", false, Set.of());
        View readsOrders = new View(new QualifiedName("sales", "v4"), "SELECT id FROM sales.orders", false, Set.of());
        DatabaseSchema result = new SchemaSelection(selection, false).apply(schema(List.of(),
                List.of(intoLog, intoPeople), List.of(readsLog, readsV1, otherLog, readsOrders)));
        assertEquals(List.of(intoPeople), result.foreignKeys());
        assertEquals(List.of("v3", "v4"), result.views().stream().map(v -> v.name().name()).toList());
        assertEquals(List.of("Foreign key fk_log on sales.orders refers to sales.log, which TABLES or EXCLUDE_TABLES"
                        + " leave out; it is not exported",
                "View sales.v1 reads sales.log, which TABLES or EXCLUDE_TABLES leave out; it is not exported (the"
                        + " import would fail creating it)",
                "View sales.v2 reads sales.v1, a view not exported; it is not exported (the import would fail"
                        + " creating it)"), result.warnings());
    }

    private static Sequence sequence(String name, String ownedBy) {
        return new Sequence(new QualifiedName("sales", name), null, 1, 1, 1, Long.MAX_VALUE, false, 1, ownedBy);
    }

    private static DatabaseSchema schema(List<String> triggers, List<ForeignKey> keys, List<View> views) {
        return new DatabaseSchema(List.of("sales"), Map.of(), List.of(), List.of(), List.of(), List.of(), keys,
                List.of(), views, triggers, List.of(), List.of());
    }
}
