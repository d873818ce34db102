package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Entry;
import dev.lifeguard.analyzer.liquibase.ChangelogItem.Include;
import dev.lifeguard.analyzer.liquibase.ChangelogItem.Inherited;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.SourceFile;
import liquibase.changelog.ChangeLogParameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the root changelogs among the candidates (those no other candidate includes) and walks each one's
 * include tree in execution order into a History. Every file is read and processed once: a file reached
 * a second time (another include, a cycle) adds nothing more.
 */
final class ChangelogWalker {
    private final LoadContext ctx;
    private final DocumentLoader documents;
    private final FormattedSqlLoader formattedSql;
    private final IncludeResolver includes;
    private final Map<Path, Optional<Parsed>> parsed = new HashMap<>();
    private final Set<Path> visited = new HashSet<>();

    /** A file read and, for XML/YAML/JSON, parsed with positions. */
    private record Parsed(ChangelogFormat format, SourceFile file, ChangelogDocument document) {
    }

    ChangelogWalker(LoadContext ctx) {
        this.ctx = ctx;
        ChangeTranslator translator = new ChangeTranslator(ctx);
        this.documents = new DocumentLoader(ctx, translator, new ReverseBuilder(ctx, translator));
        this.formattedSql = new FormattedSqlLoader(ctx);
        this.includes = new IncludeResolver(ctx);
    }

    List<History> walk(List<Path> candidates) {
        Set<Path> files = new TreeSet<>();
        for (Path c : candidates) {
            Path abs = ctx.root.path().resolve(c).normalize();
            if (ctx.root.contains(abs)) {
                files.add(abs);
            } else {
                Path shown = abs.startsWith(ctx.root.path()) ? ctx.root.relativize(abs)
                        : Path.of(c.getFileName() == null ? "" : c.getFileName().toString());
                ctx.problem(shown, 1, "changelog outside the project root (symbolic link?): " + shown);
            }
        }
        Set<Path> included = new HashSet<>();
        for (Path f : files) {
            parse(f, true).ifPresent(p -> included.addAll(directIncludes(f, p)));
        }
        List<History> histories = new ArrayList<>();
        for (Path f : files) {
            if (!included.contains(f) && parse(f, true).isPresent()) {
                histories.add(history(f));
            }
        }
        for (Path f : files) { // only reachable through a cycle: still read, as its own root
            if (!visited.contains(f) && parse(f, true).isPresent()) {
                histories.add(history(f));
            }
        }
        return histories;
    }

    private History history(Path root) {
        List<Migration> migrations = new ArrayList<>();
        visit(root, LiquibaseRuntime.parameters(), Inherited.NONE, migrations);
        return new History(ctx.root.relativize(root), Framework.LIQUIBASE, ctx.dialect, migrations);
    }

    private void visit(Path file, ChangeLogParameters params, Inherited inherited, List<Migration> into) {
        if (!visited.add(file) || ctx.excluded.test(ctx.root.relativize(file))) {
            return; // read once; an included changelog the user excluded is left out like a file found
        }
        ctx.cache.check();
        Optional<Parsed> p = parse(file, false);
        if (p.isEmpty()) {
            return;
        }
        List<ChangelogItem> items = ctx.cache.items(ctx, file, p.get().file(), p.get().format(), inherited, params, () -> {
            try {
                return switch (p.get().format()) {
                    case FORMATTED_SQL -> formattedSql.load(p.get().file(), params, inherited);
                    case PLAIN_SQL -> List.of(new ChangelogItem.Step(FormattedSqlLoader.plainSql(ctx, p.get().file())));
                    default -> documents.load(p.get().document(), p.get().format(), params, inherited);
                };
            } catch (RuntimeException | LinkageError e) {
                ctx.problem(p.get().file().path(), 1, "cannot load changelog: " + DocumentLoader.message(e));
                return List.of();
            }
        });
        List<Precondition> guards = new ArrayList<>();
        List<Migration> own = new ArrayList<>();
        for (ChangelogItem item : items) {
            if (item instanceof ChangelogItem.Step step) {
                into.add(step.migration());
                own.add(step.migration());
            } else if (item instanceof ChangelogItem.Guard guard) {
                guards.add(guard.precondition());
            } else if (item instanceof Include inc) {
                Inherited next = inherit(inherited, inc, changelogContext(p.get()), guards);
                for (Path target : includes.targets(file, inc, true)) {
                    visit(target, params, next, into);
                }
            }
        }
        Snapshots.markBaseline(own, into);
    }

    /** The context expression written on the file's databaseChangeLog element, null when none. */
    private static String changelogContext(Parsed p) {
        if (p.document() == null) {
            return null;
        }
        try {
            Object v = p.document().root().getChildValue(null, "contextFilter");
            if (v == null) {
                v = p.document().root().getChildValue(null, "context");
            }
            return v == null || v.toString().isBlank() ? null : v.toString().trim();
        } catch (Exception e) {
            return null;
        }
    }

    private static Inherited inherit(Inherited inherited, Include inc, String changelogContext, List<Precondition> guards) {
        if (inc.contexts().isEmpty() && inc.labels().isEmpty() && changelogContext == null && guards.isEmpty()) {
            return inherited;
        }
        List<String> contexts = new ArrayList<>(inherited.contexts());
        if (changelogContext != null) {
            contexts.add(changelogContext);
        }
        contexts.addAll(inc.contexts());
        Set<String> labels = new LinkedHashSet<>(inherited.labels());
        labels.addAll(inc.labels());
        List<Precondition> preconditions = new ArrayList<>(inherited.preconditions());
        preconditions.addAll(guards);
        return new Inherited(contexts, labels, preconditions);
    }

    private Set<Path> directIncludes(Path file, Parsed p) {
        Set<Path> targets = new HashSet<>();
        if (p.document() == null) {
            return targets;
        }
        for (Entry e : p.document().entries()) {
            if ("include".equals(e.name()) || "includeAll".equals(e.name())) {
                targets.addAll(includes.targets(file, DocumentLoader.include(e, null, null), false));
            }
        }
        return targets;
    }

    /** Reads and parses a file once; a file that cannot be read is reported once and yields nothing. */
    private Optional<Parsed> parse(Path file, boolean asCandidate) {
        Optional<Parsed> known = parsed.get(file);
        if (known != null) {
            return known;
        }
        Optional<Parsed> result = Optional.empty();
        Path rel = ctx.root.relativize(file);
        try {
            SourceFile source = ctx.read(file);
            result = ctx.cache.document(ctx, file, source, asCandidate, () -> parse(file, rel, source, asCandidate));
        } catch (SourceReader.Refused e) {
            ctx.problem(rel, 1, "changelog " + e.getMessage() + ": not read");
        } catch (IOException e) {
            ctx.problem(rel, 1, "cannot read changelog: " + SourceReader.reason(e));
        } catch (RuntimeException | StackOverflowError e) {
            ctx.problem(rel, 1, "cannot read changelog: " + DocumentLoader.message(e));
        }
        // a plain .sql candidate is not a root, but stays readable when an include reaches it
        if (asCandidate && result.isPresent() && result.get().format() == ChangelogFormat.PLAIN_SQL) {
            return Optional.empty();
        }
        parsed.put(file, result);
        return result;
    }

    /** The format and, for XML/YAML/JSON, the document with positions; empty (with a problem) when not a changelog. */
    private Optional<Parsed> parse(Path file, Path rel, SourceFile source, boolean asCandidate) {
        try {
            Optional<ChangelogFormat> format = asCandidate
                    ? ChangelogFormat.detect(file, source.text()).or(() -> ChangelogFormat.ofIncluded(file, source.text()))
                    : ChangelogFormat.ofIncluded(file, source.text());
            if (format.isEmpty()) {
                if (!asCandidate) {
                    ctx.problem(rel, 1, "not a changelog format Liquibase reads: " + rel.getFileName());
                }
                return Optional.empty();
            }
            if (asCandidate && format.get() == ChangelogFormat.PLAIN_SQL) {
                return Optional.of(new Parsed(format.get(), source, null));
            }
            ChangelogDocument doc = switch (format.get()) {
                case XML -> XmlChangelogReader.read(source, (line, message) -> ctx.problem(rel, line, message));
                case YAML, JSON -> YamlChangelogReader.read(source, (line, message) -> ctx.problem(rel, line, message));
                default -> null;
            };
            return Optional.of(new Parsed(format.get(), source, doc));
        } catch (ChangelogException e) {
            ctx.problem(rel, e.line(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            ctx.problem(rel, 1, "cannot read changelog: " + DocumentLoader.message(e));
        }
        return Optional.empty();
    }
}
