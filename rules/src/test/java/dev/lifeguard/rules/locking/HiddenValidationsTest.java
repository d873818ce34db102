package dev.lifeguard.rules.locking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HiddenValidationsTest {

    @Test
    void rangeBoundBecomesACheckOnTheKey() {
        assertEquals("created_at IS NOT NULL AND created_at >= '2023-01-01' AND created_at < '2024-01-01'",
                HiddenValidations.boundCheck("RANGE (created_at)", "FROM ('2023-01-01') TO ('2024-01-01')"));
        assertEquals("qty IS NOT NULL AND qty < 100", HiddenValidations.boundCheck("RANGE (qty)",
                "FROM (MINVALUE) TO (100)"));
        assertEquals("\"Region\" IS NOT NULL AND \"Region\" IN ('eu', 'us')",
                HiddenValidations.boundCheck("LIST (\"Region\")", "IN ('eu', 'us')"));
    }

    @Test
    void boundsTooComplexToRestateGiveNoCheck() {
        assertNull(HiddenValidations.boundCheck("RANGE (a, b)", "FROM (1, 2) TO (3, 4)"));
        assertNull(HiddenValidations.boundCheck("RANGE (a)", "FROM (1, 2) TO (3, 4)"));
        assertNull(HiddenValidations.boundCheck("LIST (a)", "IN (NULL, 1)"));
        assertNull(HiddenValidations.boundCheck("HASH (a)", "WITH (MODULUS 4, REMAINDER 0)"));
        assertNull(HiddenValidations.boundCheck(null, "FROM (1) TO (2)"));
        assertNull(HiddenValidations.boundCheck("RANGE (a)", null));
    }

    @Test
    void literalsOfABound() {
        assertEquals(List.of("'2023-01-01'", "'2024-01-01'"),
                HiddenValidations.literals("FROM ('2023-01-01') TO ('2024-01-01')"));
        assertEquals(List.of("-5", "10"), HiddenValidations.literals("FROM (-5) TO (10)"));
        assertEquals(List.of(), HiddenValidations.literals(null));
    }
}
