package dev.ferry.core.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sakila's tables in name order, as PostgreSQL's catalog lists them, and Chinook's employee referring to itself. */
class TableOrderTest {
    private static final Table ADDRESS = table("address");
    private static final Table CUSTOMER = table("customer");
    private static final Table EMPLOYEE = table("employee");
    private static final Table STAFF = table("staff");
    private static final Table STORE = table("store");

    private static Table table(String name) {
        return new Table(new QualifiedName("public", name), List.of(), null, List.of(), List.of());
    }

    private static ForeignKey key(String name, Table table, Table referenced) {
        return new ForeignKey(name, table.name(), List.of("id"), referenced.name(), List.of("id"), null, null);
    }

    @Test
    void referencedTablesComeFirst() {
        List<ForeignKey> keys = List.of(key("customer_address", CUSTOMER, ADDRESS), key("address_store", ADDRESS, STORE));
        assertEquals(List.of(STORE, ADDRESS, CUSTOMER),
                TableOrder.referencedFirst(List.of(ADDRESS, CUSTOMER, STORE), keys));
        assertEquals(List.of(), TableOrder.cycleKeys(List.of(ADDRESS, CUSTOMER, STORE), keys));
    }

    @Test
    void oneKeyOfACycleAndEveryKeyToItsOwnTableAreLeftOut() {
        ForeignKey customerStore = key("customer_store", CUSTOMER, STORE);
        ForeignKey staffStore = key("staff_store", STAFF, STORE);
        ForeignKey storeStaff = key("store_manager", STORE, STAFF);
        ForeignKey storeAddress = key("store_address", STORE, ADDRESS);
        ForeignKey reportsTo = key("employee_reports_to", EMPLOYEE, EMPLOYEE);
        List<Table> tables = List.of(ADDRESS, CUSTOMER, EMPLOYEE, STAFF, STORE);
        List<ForeignKey> keys = List.of(customerStore, staffStore, storeStaff, storeAddress, reportsTo);

        List<ForeignKey> left = TableOrder.cycleKeys(tables, keys);

        // From customer: customer -> store -> staff -> store, closed by staff's key to store.
        assertEquals(List.of(reportsTo, staffStore), left);
        List<ForeignKey> kept = new ArrayList<>(keys);
        kept.removeAll(left);
        assertEquals(List.of(ADDRESS, EMPLOYEE, STAFF, STORE, CUSTOMER), TableOrder.referencedFirst(tables, kept));
    }
}
