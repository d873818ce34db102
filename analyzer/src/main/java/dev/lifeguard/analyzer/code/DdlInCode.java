package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DDL statements in the string literals of application code: the application altering the schema
 * itself. A text scan (no parser): a file that never writes a DDL phrase is passed over after one regex.
 * Java/Kotlin migrations of Flyway, Liquibase custom changes and Liquibase extensions (SQL generators,
 * change types, anything in a {@code liquibase.ext} package, which Liquibase loads itself) are migrations,
 * not application code; so are the classes customChange elements name and the classes they extend
 * ({@link MigrationClasses}).
 */
final class DdlInCode {
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)\\b(alter\\s+table|drop\\s+(table|index|column|schema|view|sequence)|create\\s+(unique\\s+)?index"
                    + "|create\\s+table|truncate\\s+table|rename\\s+table)\\b");
    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)^\\s*(alter\\s+table|drop\\s+(?:table|index|schema|view|sequence)|create\\s+(?:unique\\s+)?index"
                    + "|create\\s+table|truncate(?:\\s+table)?|rename\\s+table)\\b");
    private static final Pattern MIGRATION_CLASS = Pattern.compile(
            "BaseJavaMigration|JavaMigration|CustomTaskChange|CustomSqlChange|AbstractSqlGenerator|extends\\s+AbstractChange\\b"
                    + "|(?m)^\\s*class\\s+[VUR]\\d|(?m)^\\s*package\\s+liquibase\\.ext\\b");

    private DdlInCode() {
    }

    static List<SchemaChangeInCode> scan(SourceFile file) {
        String text = file.text();
        if (!PHRASE.matcher(text).find() || MIGRATION_CLASS.matcher(text).find()
                || file.path().getFileName().toString().matches("[VUR]\\d.*__.*")) {
            return List.of();
        }
        List<SchemaChangeInCode> out = new ArrayList<>();
        for (StringLiterals.Literal l : StringLiterals.of(text)) {
            Matcher m = STATEMENT.matcher(l.content());
            if (m.find()) {
                int start = l.start() + m.start(1);
                String words = m.group(1).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                out.add(new SchemaChangeInCode(file.span(start, l.start() + l.content().length()), null, words));
            }
        }
        return out;
    }
}
