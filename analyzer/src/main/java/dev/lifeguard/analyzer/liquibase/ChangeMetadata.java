package dev.lifeguard.analyzer.liquibase;

import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeParameterMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.CreateProcedureChange;
import liquibase.serializer.LiquibaseSerializable.SerializationType;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link ChangeMetaData} of a change class, built as {@link AbstractChange#createChangeMetaData()} builds it but
 * without {@code java.beans.Introspector}: Liquibase finds a change's properties with the Introspector (and its
 * own fluent-setter pass), which was two thirds of the metadata's cost and a fifth of reading a small changelog —
 * the Introspector builds descriptors of every method of every superclass, then Liquibase keeps only the
 * properties with a getter and a setter. Here those come from {@link Class#getMethods()} directly, and the
 * metadata is put into ChangeFactory's own cache before Liquibase first asks for it, so Liquibase finds it there
 * and everything else (load, names, checksums) goes on as before.
 *
 * <p>Only the change classes of {@link KnownChanges} are primed, and only those whose metadata is Liquibase's
 * default one ({@link CreateProcedureChange} overrides a hook: Liquibase builds its own). {@code
 * ChangeMetadataTest} checks, for every known change class, that the metadata built here equals Liquibase's field
 * by field (names, types, accessors, annotation values), so a Liquibase upgrade that changes a property or the
 * way metadata is built fails that test. Where ChangeFactory's cache cannot be reached, nothing is primed and
 * Liquibase builds the metadata itself.
 */
final class ChangeMetadata {
    /** ChangeFactory's cache of metadata by change class (and checksum version); null when not reachable. */
    private static final MethodHandle FACTORY_CACHE = LiquibaseRuntime.getter(ChangeFactory.class, "cachedMetadata", Map.class);

    private ChangeMetadata() {
    }

    /** Puts the change's metadata into ChangeFactory's cache, unless it is there or Liquibase builds its own. */
    static void prime(Change change) {
        if (!(change instanceof AbstractChange c) || !isDefault(change.getClass())) {
            return;
        }
        Map<String, ChangeMetaData> cache = factoryCache();
        String key = cacheKey(change);
        if (cache != null && !cache.containsKey(key)) {
            ChangeMetaData metadata = build(c);
            if (metadata != null) {
                cache.putIfAbsent(key, metadata);
            }
        }
    }

    /** Whether Liquibase builds the class's metadata with AbstractChange's own code and hooks. */
    static boolean isDefault(Class<?> type) {
        return type != CreateProcedureChange.class && type.getPackageName().startsWith("liquibase.change");
    }

    /** As ChangeFactory.generateCacheKey: the class name and the scope's checksum version, if any. */
    private static String cacheKey(Change change) {
        ChecksumVersion version = Scope.getCurrentScope().getChecksumVersion();
        return version == null ? change.getClass().getName() : change.getClass().getName() + version;
    }

    /** The values of a change class's {@code @DatabaseChange}. */
    record ChangeValues(String name, String description, int priority, String[] appliesTo, String[][] notes) {
        static ChangeValues of(DatabaseChange a) {
            String[][] notes = new String[a.databaseNotes().length][];
            for (int i = 0; i < notes.length; i++) {
                notes[i] = new String[]{a.databaseNotes()[i].database(), a.databaseNotes()[i].notes()};
            }
            return new ChangeValues(a.name(), a.description(), a.priority(), a.appliesTo(), notes);
        }
    }

    /** The values of one {@code @DatabaseChangeProperty} of a getter. */
    record PropertyValues(String description, String exampleValue, String since, boolean isChangeProperty,
                          String[] requiredForDatabase, String[] supportsDatabase, String mustEqualExisting,
                          SerializationType serializationType, ChecksumVersion[] version, String[] alternatePropertyNames) {
        static PropertyValues of(DatabaseChangeProperty a) {
            return new PropertyValues(a.description(), a.exampleValue(), a.since(), a.isChangeProperty(),
                    a.requiredForDatabase(), a.supportsDatabase(), a.mustEqualExisting(), a.serializationType(),
                    a.version(), a.alternatePropertyNames());
        }
    }

    /**
     * The metadata AbstractChange.createChangeMetaData builds for this change's class; null when the class has no
     * {@code @DatabaseChange} (Liquibase then fails as it does). The annotations' values come from {@link
     * ChangeAnnotations} (reading annotations makes a proxy class per annotation type at run time), else from the
     * annotations.
     */
    static ChangeMetaData build(AbstractChange change) {
        return build(change, true);
    }

    /** @param table whether the annotations' values may come from {@link ChangeAnnotations} */
    static ChangeMetaData build(AbstractChange change, boolean table) {
        Class<?> type = change.getClass();
        ChangeValues databaseChange = table ? ChangeAnnotations.change(type.getName()) : null;
        if (databaseChange == null) {
            DatabaseChange a = type.getAnnotation(DatabaseChange.class);
            if (a == null) {
                return null;
            }
            databaseChange = ChangeValues.of(a);
        }
        Set<ChangeParameterMetaData> params = new HashSet<>();
        for (Map.Entry<String, Method[]> property : properties(type).entrySet()) {
            Method read = property.getValue()[0];
            Method write = property.getValue()[1];
            if (read == null) {
                read = publicMethod(type, "is" + Character.toUpperCase(property.getKey().charAt(0))
                        + property.getKey().substring(1));
            }
            if (read != null && write != null) {
                PropertyValues annotation = annotation(read, table);
                if (annotation == null || annotation.isChangeProperty()) {
                    params.add(parameter(change, property.getKey(), read, write, annotation));
                }
            }
        }
        Map<String, String> notes = new HashMap<>();
        for (String[] note : databaseChange.notes()) {
            notes.put(note[0], note[1]);
        }
        return new ChangeMetaData(databaseChange.name(), databaseChange.description(), databaseChange.priority(),
                databaseChange.appliesTo(), notes, params);
    }

    /** As AbstractChange.createChangeParameterMetadata with its default hooks. */
    private static ChangeParameterMetaData parameter(Change change, String name, Method read, Method write,
                                                     PropertyValues a) {
        StringBuilder spaced = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) { // AbstractChange: ([A-Z]) replaced by " $1", first letter upper case
            char ch = name.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                spaced.append(' ');
            }
            spaced.append(ch);
        }
        String display = spaced.substring(0, 1).toUpperCase() + spaced.substring(1);
        Map<String, Object> examples = null;
        if (a != null) {
            examples = new HashMap<>();
            examples.put("all", trimToNull(a.exampleValue()));
        }
        return new ChangeParameterMetaData(change, name, display,
                a == null ? null : trimToNull(a.description()), examples, a == null ? null : trimToNull(a.since()),
                read.getGenericReturnType(),
                a == null ? new String[]{ChangeParameterMetaData.COMPUTE} : a.requiredForDatabase(),
                a == null ? new String[]{ChangeParameterMetaData.COMPUTE} : a.supportsDatabase(),
                a == null ? null : a.mustEqualExisting(),
                a == null ? SerializationType.NAMED_FIELD : a.serializationType(),
                a == null ? new String[]{} : a.alternatePropertyNames())
                .withAccessors(read, write);
    }

    /**
     * The bean properties Liquibase's ObjectUtil.getDescriptors finds, by name: {read, write}. The Introspector's
     * rules (public instance methods; {@code getX()} not void, {@code isX()} returning boolean, preferred over
     * {@code getX()}; {@code void setX(v)}, the one whose parameter is the getter's type when there are several),
     * then Liquibase's fluent pass ({@code setX(v)} returning a value: the write method of a property without one
     * whose getter returns exactly v's type, or a write-only property).
     */
    static Map<String, Method[]> properties(Class<?> type) {
        Method[] methods = type.getMethods();
        Map<String, Method[]> found = new LinkedHashMap<>();
        for (Method m : methods) { // readers first: a setter is chosen by its getter's type
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.getParameterCount() != 0) {
                continue;
            }
            String name = m.getName();
            Class<?> returns = m.getReturnType();
            if (returns == boolean.class && name.length() > 2 && name.startsWith("is")) {
                found.computeIfAbsent(decapitalize(name.substring(2)), k -> new Method[2])[0] = m;
            } else if (returns != void.class && name.length() > 3 && name.startsWith("get")) {
                Method[] p = found.computeIfAbsent(decapitalize(name.substring(3)), k -> new Method[2]);
                if (p[0] == null) {
                    p[0] = m;
                }
            }
        }
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.getParameterCount() != 1
                    || m.getReturnType() != void.class || m.getName().length() <= 3 || !m.getName().startsWith("set")) {
                continue;
            }
            Method[] p = found.computeIfAbsent(decapitalize(m.getName().substring(3)), k -> new Method[2]);
            Class<?> param = m.getParameterTypes()[0];
            if (p[1] == null || p[0] != null && p[0].getReturnType() == param) {
                p[1] = m;
            }
        }
        for (Map.Entry<String, Method[]> e : found.entrySet()) { // the Introspector drops a setter of another type
            Method[] p = e.getValue();
            if (p[0] != null && p[1] != null && !p[1].getParameterTypes()[0].isAssignableFrom(p[0].getReturnType())) {
                p[1] = null;
            }
        }
        for (Method m : methods) {
            if (m.getParameterCount() != 1 || !m.getName().startsWith("set") || m.getReturnType() == void.class) {
                continue;
            }
            String name = decapitalize(m.getName().substring(3));
            if ("class".equals(name)) {
                continue;
            }
            Method[] p = found.get(name);
            if (p == null) {
                found.put(name, new Method[]{null, m});
            } else if (p[1] == null && p[0] != null && p[0].getReturnType() == m.getParameterTypes()[0]) {
                p[1] = m;
            }
        }
        return found;
    }

    /** The values of every {@code @DatabaseChangeProperty} of a getter, from the table where it has them. */
    static PropertyValues[] annotations(Method read, boolean table) {
        PropertyValues[] values = table ? ChangeAnnotations.properties(read.getDeclaringClass().getName(), read.getName()) : null;
        if (values == null) {
            DatabaseChangeProperty[] annotations = read.getAnnotationsByType(DatabaseChangeProperty.class);
            values = new PropertyValues[annotations.length];
            for (int i = 0; i < annotations.length; i++) {
                values[i] = PropertyValues.of(annotations[i]);
            }
        }
        return values;
    }

    /** As AbstractChange's annotation lookup: the only one, else the current checksum version's, else the unversioned. */
    private static PropertyValues annotation(Method read, boolean table) {
        PropertyValues[] annotations = annotations(read, table);
        if (annotations.length <= 1) {
            return annotations.length == 0 ? null : annotations[0];
        }
        ChecksumVersion current = Scope.getCurrentScope().getChecksumVersion();
        for (PropertyValues a : annotations) {
            for (ChecksumVersion v : a.version()) {
                if (v == current) {
                    return a;
                }
            }
        }
        for (PropertyValues a : annotations) {
            if (a.version().length == 0) {
                return a;
            }
        }
        return null;
    }

    private static Method publicMethod(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }

    /** java.beans.Introspector.decapitalize. */
    static String decapitalize(String name) {
        if (name.isEmpty() || name.length() > 1 && Character.isUpperCase(name.charAt(1))
                && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** The cache of the scope's ChangeFactory (a singleton of the root scope); null when not reachable. */
    @SuppressWarnings("unchecked")
    private static Map<String, ChangeMetaData> factoryCache() {
        if (FACTORY_CACHE == null) {
            return null; // another Liquibase: it builds the metadata itself
        }
        try {
            return (Map<String, ChangeMetaData>) FACTORY_CACHE.invokeExact(
                    Scope.getCurrentScope().getSingleton(ChangeFactory.class));
        } catch (RuntimeException e) {
            return null;
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e); // a getter throws nothing checked
        }
    }
}
