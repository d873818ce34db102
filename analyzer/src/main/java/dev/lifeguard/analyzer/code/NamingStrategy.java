package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.Identifiers;

/**
 * How Hibernate turns a logical name (a field, a class, or a name written in an annotation) into the
 * physical one. Spring Boot's default ({@code CamelCaseToUnderscoresNamingStrategy}) applies to every
 * unquoted name, explicit ones too; {@code PhysicalNamingStrategyStandardImpl} keeps names as written.
 * The result is normalized the way the database compares it: quoted names keep their case.
 */
enum NamingStrategy {
    SPRING,
    STANDARD;

    /** The physical name, normalized; a name quoted with {@code "..."} or {@code `...`} is kept as written. */
    String physical(String logical) {
        String s = logical.trim();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`')) {
            return Identifiers.normalize(s.charAt(0) == '`' ? '"' + s.substring(1, s.length() - 1) + '"' : s);
        }
        if (this == STANDARD) {
            return Identifiers.normalize(s);
        }
        StringBuilder b = new StringBuilder(s.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (Character.isLowerCase(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i))
                    && Character.isLowerCase(b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return Identifiers.normalize(b.toString());
    }

    /** The strategy a {@code physical-strategy} setting names; an unknown custom class keeps Spring's default. */
    static NamingStrategy fromSetting(String className) {
        return className != null && className.contains("PhysicalNamingStrategyStandardImpl") ? STANDARD : SPRING;
    }
}
