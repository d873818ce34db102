package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the application's configuration says about the schema: settings that make the application
 * create or alter the schema at start-up, and the naming strategy its entities are mapped through. Keys
 * are compared the way Spring's relaxed binding does (case, dashes and underscores do not matter), and by
 * suffix, so {@code spring.jpa.properties.hibernate.hbm2ddl.auto} is the Hibernate setting too.
 */
final class SchemaSettings {
    private static final Set<String> CHANGING = Set.of("create", "create-drop", "create-only", "drop", "update",
            "drop-and-create");

    private SchemaSettings() {
    }

    /** The settings of a configuration file that make the application change the schema. */
    static List<SchemaChangeInCode> schemaChanges(SourceFile file) {
        List<SchemaChangeInCode> out = new ArrayList<>();
        for (ConfigEntries.Entry e : ConfigEntries.read(file)) {
            String key = canonical(e.key());
            String value = e.value().trim().toLowerCase(Locale.ROOT);
            boolean changes = switch (kind(key)) {
                case "ddl-auto", "generation" -> CHANGING.contains(value);
                case "generate-ddl" -> value.equals("true");
                default -> false;
            };
            if (changes) {
                out.add(new SchemaChangeInCode(file.span(e.keyStart(), e.keyEnd()), e.key(), e.value().trim()));
            }
        }
        return out;
    }

    /** The naming strategy the configuration files choose (the last one read wins, as profiles override). */
    static NamingStrategy namingStrategy(List<SourceFile> files) {
        NamingStrategy strategy = NamingStrategy.SPRING;
        for (SourceFile file : files) {
            for (ConfigEntries.Entry e : ConfigEntries.read(file)) {
                String key = canonical(e.key());
                if (key.endsWith("naming.physicalstrategy") || key.endsWith("hibernate.physicalnamingstrategy")) {
                    strategy = NamingStrategy.fromSetting(e.value());
                }
            }
        }
        return strategy;
    }

    private static String kind(String key) {
        if (key.equals("spring.jpa.hibernate.ddlauto") || key.endsWith("hibernate.hbm2ddl.auto")) {
            return "ddl-auto";
        }
        if (key.equals("spring.jpa.generateddl")) {
            return "generate-ddl";
        }
        if (key.endsWith("persistence.schemageneration.database.action")
                || key.equals("quarkus.hibernateorm.database.generation")) {
            return "generation";
        }
        return "";
    }

    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
