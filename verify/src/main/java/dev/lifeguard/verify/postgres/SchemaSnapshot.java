package dev.lifeguard.verify.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema as the catalog describes it at one moment: every table, column (type, nullability, default),
 * constraint, index, sequence, view, type and function of the user's schemas, each as a key ("index
 * public.orders_email_idx") and its definition. Two snapshots compare key by key. The runners' own bookkeeping
 * tables (flyway_schema_history, databasechangelog...) are not part of it.
 */
public record SchemaSnapshot(SortedMap<String, String> objects) {

    public SchemaSnapshot {
        objects = new TreeMap<>(objects);
    }

    /** What {@code other} has that this lacks, lacks that this has, or defines differently, one line each. */
    public List<String> differencesFrom(SchemaSnapshot expected, String extraVerb, String missingVerb) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : objects.entrySet()) {
            String want = expected.objects.get(e.getKey());
            if (want == null) {
                out.add(e.getKey() + " " + extraVerb);
            } else if (!want.equals(e.getValue())) {
                out.add(e.getKey() + " is " + e.getValue() + " instead of " + want);
            }
        }
        for (String key : expected.objects.keySet()) {
            if (!objects.containsKey(key)) {
                out.add(key + " " + missingVerb);
            }
        }
        return out;
    }

    public boolean sameAs(SchemaSnapshot other) {
        return objects.equals(other.objects);
    }

    public boolean hasTable(String qualifiedName) {
        return objects.containsKey("table " + qualifiedName);
    }
}
