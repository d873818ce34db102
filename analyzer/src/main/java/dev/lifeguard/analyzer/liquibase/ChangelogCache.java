package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.Checkpoint;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import liquibase.changelog.ChangeLogParameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What loading each changelog file yielded, kept between loads by an editor so that re-linting one edited
 * changelog does not parse and interpret the other files of its tree again. An entry is reused only for the
 * very same text (the file source hands out one {@link SourceFile} per unchanged file), the same inherited
 * contexts and labels, the same values of the properties its {@code ${...}} name, and the same texts of every
 * file it read (sqlFile targets). A file that defines properties changes what the files after it see, so it
 * is loaded again every time. {@link #NONE} keeps nothing: a command-line run reads each file once anyway.
 */
public final class ChangelogCache {
    /** Keeps nothing. */
    public static final ChangelogCache NONE = new ChangelogCache(false);

    private static final Pattern FORMATTED_SQL_PROPERTY = Pattern.compile("(?im)^\\s*--\\s*property\\b");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}\\s]+)}");

    /** A file's parsed document (XML/YAML/JSON), for one text. */
    private record Document(SourceFile file, boolean asCandidate, Optional<?> parsed, List<LoadProblem> problems) {
    }

    /** What loading a file yielded, for one text, inheritance and set of files read. */
    private record Items(SourceFile file, ChangelogItem.Inherited inherited, Map<String, String> properties,
                         List<ChangelogItem> items, List<LoadProblem> problems, Map<Path, SourceFile> read,
                         Set<Path> refused) {
    }

    private final boolean enabled;
    private final Map<Path, Document> documents = new ConcurrentHashMap<>();
    private final Map<Path, Items> items = new ConcurrentHashMap<>();
    private volatile Checkpoint checkpoint = Checkpoint.NONE;

    private ChangelogCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cache that keeps what it is given. */
    public static ChangelogCache create() {
        return new ChangelogCache(true);
    }

    /** The cancellation check of the load in progress. */
    public void checkpoint(Checkpoint during) {
        this.checkpoint = during == null ? Checkpoint.NONE : during;
    }

    /** Forgets one file (it changed, or was deleted). */
    public void forget(Path absolute) {
        documents.remove(absolute);
        items.remove(absolute);
    }

    /** Forgets everything. */
    public void clear() {
        documents.clear();
        items.clear();
    }

    /** How many files' loads are kept (tests). */
    public int size() {
        return items.size();
    }

    void check() {
        checkpoint.check();
    }

    /**
     * The document parsed from this text (as a candidate root or as an included file): remembered, else
     * parsed by {@code parse}, whose problems are kept with it and reported again on reuse.
     */
    @SuppressWarnings("unchecked")
    <P> Optional<P> document(LoadContext ctx, Path absolute, SourceFile file, boolean asCandidate,
                             Supplier<Optional<P>> parse) {
        if (!enabled) {
            return parse.get();
        }
        Document known = documents.get(absolute);
        if (known != null && known.file() == file && known.asCandidate() == asCandidate) {
            ctx.problems.addAll(known.problems());
            return (Optional<P>) known.parsed();
        }
        int before = ctx.problems.size();
        Optional<P> parsed = parse.get();
        if (!checkpoint.isCanceled()) {
            documents.put(absolute, new Document(file, asCandidate, parsed,
                    List.copyOf(ctx.problems.subList(before, ctx.problems.size()))));
        }
        return parsed;
    }

    /** The items of a changelog file: remembered for the same inputs, else loaded by {@code load}. */
    List<ChangelogItem> items(LoadContext ctx, Path absolute, SourceFile file, ChangelogFormat format,
                              ChangelogItem.Inherited inherited, ChangeLogParameters params,
                              Supplier<List<ChangelogItem>> load) {
        if (!enabled || !cacheable(file, format)) {
            return load.get();
        }
        Map<String, String> properties = properties(file.text(), params);
        if (properties == null) {
            return load.get();
        }
        Items known = items.get(absolute);
        if (known != null && known.file() == file && known.inherited().equals(inherited)
                && known.properties().equals(properties) && unchanged(ctx, known)) {
            known.read().forEach(ctx.sources::putIfAbsent);
            ctx.problems.addAll(known.problems());
            ctx.refused.addAll(known.refused());
            return known.items();
        }
        int before = ctx.problems.size();
        Set<Path> refusedBefore = Set.copyOf(ctx.refused);
        Map<Path, SourceFile> read = new LinkedHashMap<>();
        read.put(file.path(), file);
        Map<Path, SourceFile> outer = ctx.record(read);
        List<ChangelogItem> loaded;
        try {
            loaded = load.get();
        } finally {
            ctx.record(outer);
            if (outer != null) {
                outer.putAll(read);
            }
        }
        if (!checkpoint.isCanceled()) {
            items.put(absolute, new Items(file, inherited, properties, List.copyOf(loaded),
                    List.copyOf(ctx.problems.subList(before, ctx.problems.size())), Map.copyOf(read),
                    ctx.refused.stream().filter(p -> !refusedBefore.contains(p)).collect(
                            java.util.stream.Collectors.toUnmodifiableSet())));
        }
        return loaded;
    }

    /** Whether every other file the load read still has the same text. */
    private static boolean unchanged(LoadContext ctx, Items known) {
        for (Map.Entry<Path, SourceFile> e : known.read().entrySet()) {
            if (e.getKey().equals(known.file().path())) {
                continue;
            }
            try {
                if (ctx.read(ctx.root.path().resolve(e.getKey()).normalize()) != e.getValue()) {
                    return false;
                }
            } catch (java.io.IOException | RuntimeException ex) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values the properties named in {@code ${...}} have now (a missing one as the empty marker), which the
     * file's items depend on; null when they cannot be told.
     */
    private static Map<String, String> properties(String text, ChangeLogParameters params) {
        if (!text.contains("${")) {
            return Map.of();
        }
        Map<String, String> values = new java.util.TreeMap<>();
        java.util.regex.Matcher m = EXPRESSION.matcher(text);
        try {
            while (m.find()) {
                String name = m.group(1);
                if (!values.containsKey(name)) {
                    Object value = params == null ? null : params.getValue(name, null);
                    values.put(name, value == null ? "\u0000unset" : String.valueOf(value));
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return values;
    }

    /** A file that defines no properties yields the same items for the same property values wherever it is included. */
    private static boolean cacheable(SourceFile file, ChangelogFormat format) {
        String text = file.text();
        return switch (format) {
            case FORMATTED_SQL -> !FORMATTED_SQL_PROPERTY.matcher(text).find();
            case PLAIN_SQL -> true;
            default -> !text.contains("property");
        };
    }
}
