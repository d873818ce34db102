package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.CodeEntity;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeStatement;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.NonNullMapping;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the code index: reads every code file once (in parallel: most of the time is JavaParser's),
 * collects entity classes and SQL from each, then resolves entity mappings across files.
 */
final class CodeIndexer {
    private static final Pattern RESULT_COLUMN = Pattern.compile("\\bcolumn\\s*=\\s*\"([^\"$#{}]+)\"");

    private final ProjectRoot root;
    private final NamingStrategy naming;
    private final Map<Path, SourceFile> read;
    private final List<LoadProblem> problems;
    private final CodeIndexCache cache;

    CodeIndexer(ProjectRoot root, NamingStrategy naming, Map<Path, SourceFile> read) {
        this(root, naming, read, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /** @param problems where a code file that cannot be read or indexed is said (thread-safe) */
    CodeIndexer(ProjectRoot root, NamingStrategy naming, Map<Path, SourceFile> read, List<LoadProblem> problems) {
        this(root, naming, read, problems, CodeIndexCache.NONE);
    }

    /** @param cache where files come from and what was parsed of them before (an editor's warm project) */
    CodeIndexer(ProjectRoot root, NamingStrategy naming, Map<Path, SourceFile> read, List<LoadProblem> problems,
                CodeIndexCache cache) {
        this.root = root;
        this.naming = naming;
        this.read = read;
        this.problems = problems;
        this.cache = cache;
    }

    /** An indexer over files already read from elsewhere (another git revision): nothing else is read, not the disk. */
    CodeIndexer(NamingStrategy naming, Map<Path, SourceFile> files) {
        this(null, naming, files);
    }

    CodeIndex build(CodeFiles.Listing files) {
        JpaMappings.References refs = new JpaMappings.References();
        List<JpaClass> classes = java.util.Collections.synchronizedList(new ArrayList<>());
        files.java().parallelStream().forEach(p -> file(p).ifPresent(f -> source(f, JavaSources::read, classes, refs)));
        files.kotlin().parallelStream().forEach(p -> file(p).ifPresent(f -> source(f, KotlinSources::read, classes, refs)));
        List<JpaClass> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing((JpaClass c) -> c.file().toString()).thenComparingInt(JpaClass::line));
        new JpaMappings(sorted, naming, refs);
        for (Path p : files.xml()) {
            file(p).filter(MyBatisMappers::isMapper).ifPresent(f -> mapper(f, refs));
        }
        for (Path p : files.sql()) {
            file(p).ifPresent(f -> sqlFile(f, refs));
        }
        return index(refs);
    }

    /** One source into classes and references; a file the reader cannot take costs that file only, and is said. */
    private void source(SourceFile f, java.util.function.Function<SourceFile, JavaSources.Result> reader,
                        List<JpaClass> classes, JpaMappings.References refs) {
        JavaSources.Result r;
        try {
            r = cache.read(f, reader);
        } catch (StackOverflowError e) {
            problems.add(notIndexed(f.path(), "it nests too deeply to read"));
            return;
        } catch (RuntimeException e) {
            problems.add(notIndexed(f.path(), "it could not be read"));
            return;
        }
        classes.addAll(r.classes());
        r.sql().forEach(piece -> sql(piece, f, refs, CodeReference.Kind.SQL_IN_CODE));
    }

    static LoadProblem notIndexed(Path file, String why) {
        return new LoadProblem(dev.lifeguard.analyzer.model.SourceSpan.startOf(file),
                "code file not indexed, references in it are not known: " + why);
    }

    private Optional<SourceFile> file(Path rel) {
        return file(root, cache, read, problems, rel);
    }

    /**
     * A code file, read once (capped like every read, through {@code cache}'s file source: the disk, or an
     * editor's warm store, which reads with the same cap); one that cannot be read is said, not skipped.
     */
    static Optional<SourceFile> file(ProjectRoot root, CodeIndexCache cache, Map<Path, SourceFile> read,
                                     List<LoadProblem> problems, Path rel) {
        SourceFile cached = read.get(rel);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (root == null) {
            return Optional.empty();
        }
        SourceReader.Result r = cache.source().read(root, rel);
        if (r.file() != null) {
            read.put(rel, r.file());
        } else if (r.problem() != null) {
            problems.add(notIndexed(rel, r.problem().message()));
        }
        return Optional.ofNullable(r.file());
    }

    /**
     * A string of several statements (a JDBC batch) is read statement by statement: a column belongs to its own
     * statement's tables. Each statement is kept as well, with whether its text is the whole statement.
     */
    private static void sql(SqlPiece piece, SourceFile f, JpaMappings.References refs, CodeReference.Kind kind) {
        String text = piece.sql();
        split(text, (from, to) -> {
            String part = text.substring(from, to);
            List<SqlReferences.Found> found = piece.isJpql() && !piece.readsReferences() ? List.of() : SqlReferences.find(part);
            if (piece.readsReferences()) {
                found.forEach(x -> refs.add(x.table(), x.column(), f.path(), piece.lineOf(from + x.offset()), kind));
            }
            String sql = decodeEscapes(part.strip());
            String script = sql.regionMatches(true, 0, "<script>", 0, 8) ? MyBatisMappers.script(sql) : null;
            CodeStatement.Form form = piece.isJpql() ? CodeStatement.Form.JPQL
                    : piece.hasGaps() ? CodeStatement.Form.BUILT_AT_RUN_TIME
                    : script != null ? null
                    : sql.regionMatches(true, 0, "<script>", 0, 8) ? CodeStatement.Form.DYNAMIC_SQL
                    : null;
            sql = script != null ? script : sql;
            refs.statement(statement(sql, form, f.path(), piece.lineOf(from + leading(part)), piece.lineOf(to), kind, found));
        });
    }

    /** A statement as found, its form from its text where the caller does not know better ({@code form} null). */
    private static JpaMappings.References.Statement statement(String sql, CodeStatement.Form form, Path file, int from,
                                                              int to, CodeReference.Kind kind,
                                                              List<SqlReferences.Found> found) {
        boolean parameterised = false;
        if (form == null || form == CodeStatement.Form.COMPLETE) {
            SqlPlaceholders.Numbered numbered = SqlPlaceholders.numbered(sql);
            parameterised = numbered.parameters() > 0;
            form = numbered.problem() != null && numbered.problem().startsWith("text substitution")
                    ? CodeStatement.Form.TEXT_SUBSTITUTION : CodeStatement.Form.COMPLETE;
        }
        List<CodeStatement.Name> names = new ArrayList<>();
        for (SqlReferences.Found x : found) {
            CodeStatement.Name n = new CodeStatement.Name(x.table(), x.column());
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return new JpaMappings.References.Statement(sql, file, from, Math.max(from, to), kind, form, parameterised, names);
    }

    /** Java's escapes ({@code \"}, {@code \n}...) as the string holds them; the text as written where it has none. */
    private static String decodeEscapes(String written) {
        if (written.indexOf('\\') < 0) {
            return written;
        }
        try {
            return written.translateEscapes();
        } catch (IllegalArgumentException e) {
            return written; // an escape Java does not know (a Kotlin \$): as written
        }
    }

    private static int leading(String part) {
        return part.length() - part.stripLeading().length();
    }

    /** The names each statement of {@code text} uses, split at semicolons outside quotes; offsets into the statement. */
    private static void statements(String text, java.util.function.BiConsumer<Integer, SqlReferences.Found> out) {
        split(text, (from, to) -> SqlReferences.find(text.substring(from, to)).forEach(x -> out.accept(from, x)));
    }

    /** The statements of {@code text} as offset ranges, split at semicolons outside quotes; blank ones left out. */
    private static void split(String text, java.util.function.BiConsumer<Integer, Integer> out) {
        if (text.indexOf(';') < 0) {
            out.accept(0, text.length());
            return;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';') {
                if (!text.substring(start, i).isBlank()) {
                    out.accept(start, i);
                }
                start = i + 1;
            } else if (text.charAt(i) == '\'') {
                int e = text.indexOf('\'', i + 1);
                i = e < 0 ? text.length() - 1 : e;
            }
        }
    }

    private static void mapper(SourceFile f, JpaMappings.References refs) {
        Set<TableName> tables = new LinkedHashSet<>();
        List<MyBatisMappers.Statement> fragments = new ArrayList<>();
        for (MyBatisMappers.Statement s : MyBatisMappers.statements(f)) {
            List<SqlReferences.Found> found = SqlReferences.find(s.sql());
            found.stream().filter(x -> x.column() == null).forEach(x -> tables.add(x.table()));
            if (found.isEmpty()) {
                fragments.add(s);
            }
            found.forEach(x -> refs.add(x.table(), x.column(), f.path(), f.lineOf(s.offset() + x.offset()),
                    CodeReference.Kind.MYBATIS_MAPPER));
        }
        // <sql> fragments and result maps name columns without their table: they belong to the mapper's tables
        for (MyBatisMappers.Statement s : fragments) {
            for (SqlReferences.Found x : SqlReferences.find("select " + s.sql() + " from t")) {
                if (x.column() != null) {
                    tables.forEach(t -> refs.add(t, x.column(), f.path(), f.lineOf(s.offset() + x.offset() - 7),
                            CodeReference.Kind.MYBATIS_MAPPER));
                }
            }
        }
        Matcher m = RESULT_COLUMN.matcher(f.text());
        while (m.find()) {
            String column = dev.lifeguard.analyzer.model.Identifiers.normalize(m.group(1));
            tables.forEach(t -> refs.add(t, column, f.path(), f.lineOf(m.start(1)), CodeReference.Kind.MYBATIS_MAPPER));
        }
        for (MyBatisMappers.Query q : MyBatisMappers.queries(f)) {
            List<SqlReferences.Found> found = q.dynamic() ? List.of() : SqlReferences.find(q.sql());
            refs.statement(statement(q.sql(), q.dynamic() ? CodeStatement.Form.DYNAMIC_SQL : null, f.path(),
                    f.lineOf(q.offset() + leading(f.text().substring(q.offset(), q.end()))), f.lineOf(q.end()),
                    CodeReference.Kind.MYBATIS_MAPPER, found));
        }
    }

    /**
     * A SQL file that creates, alters or drops schema objects is a schema script (an old upgrade script a
     * custom change runs, a dump, a test schema), not the application's queries: the names in it are the
     * schema of its time, not uses by the running version.
     */
    private static final Pattern SCHEMA_SCRIPT = Pattern.compile(
            "(?i)\\b(?:create|alter|drop)\\s+(?:table|index|unique\\s+index|view|sequence|procedure|function|trigger)\\b");

    private static void sqlFile(SourceFile f, JpaMappings.References refs) {
        String text = f.text();
        if (SCHEMA_SCRIPT.matcher(text).find()) {
            return;
        }
        split(text, (from, to) -> {
            String part = text.substring(from, to);
            List<SqlReferences.Found> found = SqlReferences.find(part);
            found.forEach(x -> refs.add(x.table(), x.column(), f.path(), f.lineOf(from + x.offset()), CodeReference.Kind.SQL_FILE));
            String sql = withoutComments(part);
            if (!sql.isBlank()) {
                refs.statement(statement(sql, null, f.path(), f.lineOf(from + leading(part)), f.lineOf(to),
                        CodeReference.Kind.SQL_FILE, found));
            }
        });
    }

    /** A SQL file's statement without the line comments around it (a file's header, a commented-out query). */
    private static String withoutComments(String part) {
        StringBuilder out = new StringBuilder();
        for (String line : part.strip().split("\n", -1)) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    private CodeIndex index(JpaMappings.References refs) {
        List<CodeReference> out = new ArrayList<>();
        for (JpaMappings.References.Key k : refs.all()) {
            SourceFile f = read.get(k.file());
            if (f == null) {
                continue;
            }
            out.add(new CodeReference(k.table(), k.column(), lineSpan(f, k.line()), f.line(k.line()).strip(), k.kind()));
        }
        out.sort(Comparator.comparing((CodeReference r) -> r.file().toString()).thenComparingInt(CodeReference::line));
        List<NonNullMapping> nonNull = new ArrayList<>();
        for (JpaMappings.References.NonNullKey k : refs.allNonNull()) {
            SourceFile f = read.get(k.file());
            if (f != null) {
                nonNull.add(new NonNullMapping(k.table(), k.column(), lineSpan(f, k.line()), f.line(k.line()).strip(),
                        k.reason(), k.failsOnLoad()));
            }
        }
        nonNull.sort(Comparator.comparing((NonNullMapping m) -> m.span().file().toString())
                .thenComparingInt(m -> m.span().startLine()));
        List<CodeStatement> statements = new ArrayList<>();
        for (JpaMappings.References.Statement s : refs.statements()) {
            SourceFile f = read.get(s.file());
            if (f != null) {
                statements.add(new CodeStatement(s.sql(), linesSpan(f, s.fromLine(), s.toLine()), s.kind(), s.form(),
                        s.parameterised(), s.names()));
            }
        }
        statements.sort(Comparator.comparing((CodeStatement x) -> x.file().toString()).thenComparingInt(CodeStatement::line));
        List<CodeEntity> entities = new ArrayList<>();
        for (JpaMappings.References.Entity e : refs.entities()) {
            SourceFile f = read.get(e.file());
            if (f == null) {
                continue;
            }
            List<CodeEntity.Column> columns = new ArrayList<>();
            for (JpaMappings.References.Column c : e.columns()) {
                SourceFile cf = read.get(c.file());
                if (cf != null) {
                    columns.add(new CodeEntity.Column(c.table(), c.column(), c.attribute(), c.type(),
                            lineSpan(cf, c.line()), c.insertable()));
                }
            }
            entities.add(new CodeEntity(e.name(), e.table(), lineSpan(f, e.line()), columns));
        }
        List<SourceFile> files = new ArrayList<>(read.values());
        return new Index(out, files, nonNull, statements, entities);
    }

    /** From the first non-blank character of {@code from} to the end of {@code to}. */
    static SourceSpan linesSpan(SourceFile f, int from, int to) {
        SourceSpan first = lineSpan(f, from);
        if (to <= from) {
            return first;
        }
        SourceSpan last = lineSpan(f, to);
        return f.span(first.startOffset(), Math.max(first.startOffset(), last.endOffset()));
    }

    /** The line from its first non-blank character to its end. */
    static SourceSpan lineSpan(SourceFile f, int line) {
        String text = f.line(line);
        int indent = text.length() - text.stripLeading().length();
        int start = f.offsetOf(line, 1) + indent;
        return f.span(start, Math.max(start, f.offsetOf(line, 1) + text.stripTrailing().length()));
    }

    private record Index(List<CodeReference> references, List<SourceFile> files, List<NonNullMapping> nonNullMappings,
                         List<CodeStatement> statements, List<CodeEntity> entities) implements CodeIndex {
        Index {
            references = List.copyOf(references);
            files = List.copyOf(files);
            nonNullMappings = List.copyOf(nonNullMappings);
            statements = List.copyOf(statements);
            entities = List.copyOf(entities);
        }
    }

    static Map<Path, SourceFile> cache() {
        return new ConcurrentHashMap<>();
    }
}
