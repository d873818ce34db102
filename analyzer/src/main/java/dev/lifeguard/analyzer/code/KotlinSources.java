package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Kotlin source by tokens (there is no Kotlin parser on the classpath): string literals that are
 * SQL, and entity classes with their {@code @Table}, {@code @Column}/{@code @JoinColumn} names and the
 * properties of their primary constructor and body ({@code @Transient} ones, and those of a
 * {@code companion object}, are not columns).
 */
final class KotlinSources {
    private static final Pattern CLASS = Pattern.compile(
            "((?:@[\\w.:]+(?:\\((?:[^()]|\\([^()]*\\))*\\))?\\s*)*)(?:(?:data|open|abstract|sealed|public|internal)\\s+)*class\\s+(\\w+)");
    private static final Pattern PROPERTY = Pattern.compile(
            "((?:@[\\w.:]+(?:\\((?:[^()]|\\([^()]*\\))*\\))?\\s*)*)(?:(?:override|private|protected|internal|public|open|lateinit)\\s+)*(?:val|var)\\s+(\\w+)\\s*:\\s*([\\w.]+)");
    private static final Pattern NOT_INSERTED = Pattern.compile(
            "insertable\\s*=\\s*false|GenerationType\\.IDENTITY|@(?:\\w+:)?Generated\\b");
    private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"|\\(\\s*\"([^\"]+)\"");

    private KotlinSources() {
    }

    static JavaSources.Result read(SourceFile file) {
        String text = file.text();
        List<SqlPiece> sql = new ArrayList<>();
        for (StringLiterals.Literal l : StringLiterals.of(text)) {
            String content = l.content().replaceAll("\\$\\{[^}]*}|\\$\\w+", " ? ");
            SqlPiece piece = new SqlPiece().add(content, file.lineOf(l.start()), true);
            if (!content.equals(l.content())) {
                piece.withGaps(); // a template: the statement is put together at run time
            }
            if (piece.looksLikeSql()) {
                sql.add(piece);
            }
        }
        List<JpaClass> classes = new ArrayList<>();
        if (text.contains("@Entity") || text.contains("@Embeddable") || text.contains("@MappedSuperclass")) {
            Matcher m = CLASS.matcher(text);
            List<Integer> starts = new ArrayList<>();
            while (m.find()) {
                starts.add(m.start());
            }
            m.reset();
            int k = 0;
            while (m.find()) {
                int end = k + 1 < starts.size() ? starts.get(k + 1) : text.length();
                JpaClass c = entity(file, m.group(1), m.group(2), m.start(2), m.end(), end);
                if (c != null) {
                    classes.add(c);
                }
                k++;
            }
        }
        return new JavaSources.Result(classes, sql);
    }

    private static JpaClass entity(SourceFile file, String annotations, String name, int nameAt, int bodyStart, int bodyEnd) {
        JpaClass.Kind kind = annotations.contains("@Entity") ? JpaClass.Kind.ENTITY
                : annotations.contains("@Embeddable") ? JpaClass.Kind.EMBEDDABLE
                : annotations.contains("@MappedSuperclass") ? JpaClass.Kind.MAPPED_SUPERCLASS : null;
        if (kind == null) {
            return null;
        }
        String table = argument(annotations, "Table");
        int line = file.lineOf(nameAt);
        String body = withoutCompanion(file.text().substring(bodyStart, bodyEnd));
        List<JpaClass.Field> fields = new ArrayList<>();
        Matcher p = PROPERTY.matcher(body);
        while (p.find()) {
            String ann = p.group(1);
            if (ann.contains("Transient") || ann.contains("@Formula") || ann.contains("OneToMany") || ann.contains("ManyToMany")
                    || ann.contains("ElementCollection")) {
                continue;
            }
            int fieldLine = file.lineOf(bodyStart + p.start(2));
            String column = argument(ann, "Column");
            String join = argument(ann, "JoinColumn");
            boolean toOne = ann.contains("ManyToOne") || ann.contains("OneToOne");
            boolean nullableType = p.end(3) < body.length() && body.charAt(p.end(3)) == '?';
            fields.add(new JpaClass.Field(p.group(2), p.group(3), fieldLine, column, null,
                    join == null ? List.of() : List.of(new JpaClass.Named(join, fieldLine)),
                    toOne && join == null, ann.contains("Embedded"), Map.of(), List.of(),
                    !NOT_INSERTED.matcher(ann).find(), nonNull(ann, p.group(3), nullableType, fieldLine)));
        }
        return new JpaClass(name, kind, null, table, List.of(), null, false, fields, file.path(), line);
    }

    /** Kotlin types that compile to a JVM primitive when not nullable: loading NULL into one fails. */
    private static final java.util.Set<String> PRIMITIVES = java.util.Set.of("Int", "Long", "Short", "Byte", "Double",
            "Float", "Boolean", "Char");
    private static final Pattern NOT_NULLABLE = Pattern.compile("\\b(nullable|optional)\\s*=\\s*false\\b");

    /** Why the property cannot take NULL (see {@link JpaClass.NonNull}), or null. */
    private static JpaClass.NonNull nonNull(String annotations, String type, boolean nullableType, int line) {
        if (annotations.contains("@Id") || annotations.contains("EmbeddedId")) {
            return null;
        }
        if (!nullableType && PRIMITIVES.contains(type)) {
            return new JpaClass.NonNull("non-null Kotlin " + type + " (a JVM primitive)", true, line);
        }
        Matcher m = NOT_NULLABLE.matcher(annotations);
        if (m.find()) {
            return new JpaClass.NonNull(m.group(1) + " = false", false, line);
        }
        if (annotations.matches("(?s).*@(?:\\w+:)?(?:[\\w.]+\\.)?(NotNull|Nonnull|NotBlank|NotEmpty)\\b.*")) {
            return new JpaClass.NonNull("@NotNull", false, line);
        }
        return null;
    }

    /** The {@code name} (or single value) of an annotation, with or without a use-site target ({@code @field:}). */
    private static String argument(String annotations, String simpleName) {
        Matcher a = Pattern.compile("@(?:\\w+:)?(?:[\\w.]+\\.)?" + simpleName + "\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)")
                .matcher(annotations);
        if (!a.find()) {
            return null;
        }
        Matcher n = NAME.matcher("(" + a.group(1) + ")");
        return n.find() ? (n.group(1) != null ? n.group(1) : n.group(2)) : null;
    }

    /** The class body with its {@code companion object { ... }} blanked: its properties are static. */
    private static String withoutCompanion(String body) {
        int at = body.indexOf("companion object");
        if (at < 0) {
            return body;
        }
        int open = body.indexOf('{', at);
        if (open < 0) {
            return body;
        }
        int depth = 0;
        int i = open;
        for (; i < body.length(); i++) {
            if (body.charAt(i) == '{') {
                depth++;
            } else if (body.charAt(i) == '}' && --depth == 0) {
                break;
            }
        }
        return body.substring(0, at) + " ".repeat(Math.min(body.length(), i + 1) - at) + body.substring(Math.min(body.length(), i + 1));
    }
}
