package dev.lifeguard.analyzer.liquibase;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/** KnownChanges creates exactly what the bundled Liquibase's ChangeFactory creates, for exactly its names. */
class KnownChangesTest {
    private static final ChangeFactory FACTORY = Scope.getCurrentScope().getSingleton(ChangeFactory.class);

    @Test
    void theNamesAreChangeFactorysDefinedChanges() {
        assertEquals(new TreeSet<>(FACTORY.getDefinedChanges()), new TreeSet<>(KnownChanges.NAMES),
                "Liquibase's change types changed: update KnownChanges from ChangeFactory");
    }

    @Test
    void everyNameGivesTheClassChangeFactoryGives() {
        for (String name : FACTORY.getDefinedChanges()) {
            Change expected = FACTORY.create(name);
            Change created = KnownChanges.create(name);
            assertNotNull(created, name);
            assertEquals(expected.getClass(), created.getClass(), name);
            assertEquals(name, created.getSerializedObjectName());
            assertNotSame(created, KnownChanges.create(name), "a new instance per call, as ChangeFactory.create");
        }
    }

    @Test
    void aNameLiquibaseDoesNotDefineGivesNothing() {
        for (String name : Set.of("modifyColumn", "createtable", "CreateTable", "", "ext:createSomething")) {
            assertNull(FACTORY.create(name), name);
            assertNull(KnownChanges.create(name), name);
        }
    }
}
