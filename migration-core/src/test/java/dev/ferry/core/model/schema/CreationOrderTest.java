package dev.ferry.core.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreationOrderTest {
    private static final Table A = table("a");
    private static final Table B = table("b");
    private static final Table C = table("c");

    private static Table table(String name) {
        return new Table(new QualifiedName("public", name), List.of(), null, List.of(), List.of());
    }

    @Test
    void withoutDependenciesRoutinesComeFirstAndTablesKeepTheirOrder() {
        CreationOrder order = CreationOrder.of(List.of("f", "g"), List.of(B, A), Dependencies.NONE);
        assertEquals(List.of("f", "g"), order.routines());
        assertEquals(List.of(B, A), order.objects());
        assertEquals(List.of(), order.cycles());
    }

    @Test
    void aRoutineComesAfterTheTablesItNeedsAndBeforeTheTablesThatCallIt() {
        // f returns SETOF c; b's default calls f; agg needs f; h needs nothing.
        Dependencies dependencies = new Dependencies(Map.of("agg", Set.of("f")),
                Map.of("f", Set.of(C.name())), Map.of("f", Set.of(B.name())));
        CreationOrder order = CreationOrder.of(List.of("agg", "f", "h"), List.of(A, B, C), dependencies);
        assertEquals(List.of("h"), order.routines());
        assertEquals(List.of(A, C, "f", "agg", B), order.objects());
        assertEquals(List.of(), order.cycles());
    }

    @Test
    void routinesComeAfterTheRoutinesTheyNeed() {
        Dependencies dependencies = new Dependencies(Map.of("an_aggregate", Set.of("z_state")), Map.of(), Map.of());
        CreationOrder order = CreationOrder.of(List.of("an_aggregate", "z_state"), List.of(A), dependencies);
        assertEquals(List.of("z_state", "an_aggregate"), order.routines());
    }

    @Test
    void aCycleKeepsTablesFirstAndIsNamed() {
        Dependencies dependencies = new Dependencies(Map.of(), Map.of("f", Set.of(A.name())),
                Map.of("f", Set.of(A.name())));
        CreationOrder order = CreationOrder.of(List.of("f"), List.of(A), dependencies);
        assertEquals(List.of(A, "f"), order.objects());
        assertEquals(List.of("table public.a"), order.cycles());
    }
}
