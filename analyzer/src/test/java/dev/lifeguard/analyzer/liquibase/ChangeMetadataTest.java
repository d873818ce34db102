package dev.lifeguard.analyzer.liquibase;

import liquibase.Scope;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeParameterMetaData;
import liquibase.change.core.CreateProcedureChange;
import liquibase.change.core.CreateTableChange;
import liquibase.util.ObjectUtil;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ChangeMetadata builds, for every change class of the bundled Liquibase, exactly the metadata Liquibase's
 * {@code createChangeMetaData} builds (field by field), and Liquibase then uses it.
 */
class ChangeMetadataTest {

    @Test
    void theMetadataOfEveryKnownChangeIsLiquibasesOwn() throws Exception {
        int compared = 0;
        for (String name : KnownChanges.NAMES) {
            Change change = KnownChanges.create(name);
            if (!ChangeMetadata.isDefault(change.getClass())) {
                continue;
            }
            ChangeMetaData expected = change.createChangeMetaData();
            ChangeMetaData built = ChangeMetadata.build((AbstractChange) change);
            assertNotNull(built, name);
            assertEquals(describe(expected), describe(built), name);
            compared++;
        }
        assertEquals(KnownChanges.NAMES.size() - 1, compared, "all but createProcedure, which overrides a hook");
    }

    @Test
    void theMetadataReadFromTheAnnotationsIsLiquibasesOwnToo() throws Exception {
        for (String name : KnownChanges.NAMES) {
            Change change = KnownChanges.create(name);
            if (ChangeMetadata.isDefault(change.getClass())) {
                assertEquals(describe(change.createChangeMetaData()),
                        describe(ChangeMetadata.build((AbstractChange) change, false)), name);
            }
        }
    }

    /** ChangeAnnotations holds the annotations of the bundled Liquibase; -Dlifeguard.docs.write=true regenerates it. */
    @Test
    void theAnnotationTableIsCurrent() throws Exception {
        Path file = Path.of("src/main/java/dev/lifeguard/analyzer/liquibase/ChangeAnnotations.java");
        String expected = ChangeAnnotationsSource.render();
        if (Boolean.getBoolean("lifeguard.docs.write")) {
            Files.writeString(file, expected);
        }
        assertEquals(expected, Files.readString(file), "Liquibase's annotations changed: regenerate ChangeAnnotations with "
                + "mvn -B -pl analyzer test -Dtest=ChangeMetadataTest -Dlifeguard.docs.write=true");
    }

    @Test
    void classesAndGettersOutsideTheTableAreNotInIt() throws Exception {
        assertEquals(null, ChangeAnnotations.change(ExtensionChange.class.getName()));
        assertEquals(null, ChangeAnnotations.change(CreateProcedureChange.class.getName()));
        assertEquals(null, ChangeAnnotations.properties(ExtensionChange.class.getName(), "getTableName"));
        assertEquals(null, ChangeAnnotations.properties(CreateTableChange.class.getName(), "getSomethingElse"));
        assertEquals(1, ChangeAnnotations.properties(CreateTableChange.class.getName(), "getColumns").length);
    }

    @Test
    void thePropertiesAreLiquibasesBeanProperties() throws Exception {
        for (String name : KnownChanges.NAMES) {
            Class<?> type = KnownChanges.create(name).getClass();
            Map<String, String> expected = new TreeMap<>();
            for (PropertyDescriptor d : ObjectUtil.getDescriptors(type)) {
                if (d.getWriteMethod() != null) {
                    expected.put(d.getName(), d.getReadMethod() + " / " + d.getWriteMethod());
                }
            }
            Map<String, String> found = new TreeMap<>();
            ChangeMetadata.properties(type).forEach((k, v) -> {
                if (v[1] != null) {
                    found.put(k, v[0] + " / " + v[1]);
                }
            });
            assertEquals(expected, found, name);
        }
    }

    @Test
    void liquibaseUsesThePrimedMetadata() throws Exception {
        Scope.child(Map.of(), () -> {
            ChangeFactory factory = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
            Field f = ChangeFactory.class.getDeclaredField("cachedMetadata");
            f.setAccessible(true);
            Map<?, ?> cache = (Map<?, ?>) f.get(factory);
            Change change = new CreateTableChange();
            cache.keySet().removeIf(k -> k.toString().startsWith(CreateTableChange.class.getName()));
            ChangeMetadata.prime(change);
            Object primed = cache.values().stream()
                    .filter(m -> "createTable".equals(((ChangeMetaData) m).getName())).findFirst().orElseThrow();
            assertSame(primed, factory.getChangeMetaData(change), "ChangeFactory finds the primed metadata");
            assertSame(primed, factory.getChangeMetaData(new CreateTableChange()));
            assertEquals("createTable", change.getSerializedObjectName());
        });
    }

    @Test
    void aChangeWithItsOwnHooksIsLeftToLiquibase() {
        assertFalse(ChangeMetadata.isDefault(CreateProcedureChange.class));
        assertTrue(ChangeMetadata.isDefault(CreateTableChange.class));
        assertFalse(ChangeMetadata.isDefault(ExtensionChange.class), "an extension's change is built by Liquibase");
    }

    @Test
    void decapitalizeIsTheIntrospectors() {
        for (String s : List.of("Foo", "FooBar", "URL", "X", "uRL", "Ab", "aB", "AB")) {
            assertEquals(java.beans.Introspector.decapitalize(s), ChangeMetadata.decapitalize(s), s);
        }
    }

    /** A change class outside Liquibase, as an extension's. */
    public static class ExtensionChange extends CreateTableChange {
    }

    /** Every field of the metadata and of its parameters (sorted by name), but the change instance they came from. */
    private static String describe(ChangeMetaData m) throws IllegalAccessException {
        StringBuilder out = new StringBuilder();
        out.append(fields(m, ChangeMetaData.class, "parameters")).append('\n');
        for (ChangeParameterMetaData p : new TreeMap<>(m.getParameters()).values()) {
            out.append("  ").append(fields(p, ChangeParameterMetaData.class, "change")).append('\n');
        }
        return out.toString();
    }

    private static String fields(Object o, Class<?> type, String skipped) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals(skipped)) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(o);
            String text = v instanceof Object[] a ? Arrays.deepToString(a)
                    : v instanceof Map<?, ?> map ? new TreeMap<>(map.entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())))).toString()
                    : v instanceof java.util.Set<?> set ? new java.util.TreeSet<>(set.stream().map(String::valueOf).toList()).toString()
                    : v instanceof java.util.Optional<?> opt ? opt.map(x -> x instanceof Method mm ? mm.toGenericString() : x).toString()
                    : Objects.toString(v);
            out.add(f.getName() + "=" + text);
        }
        return String.join(", ", out);
    }
}
