package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.Checkpoint;
import dev.lifeguard.analyzer.Failures;
import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses planned migrations into the model: the SQL of each forward region and of its reverse. */
public final class HistoryAssembler {
    private final SqlParser parser;
    private final MigrationFiles files;
    private final Parse parse;
    private final Checkpoint checkpoint;
    private final Map<Path, SourceFile> sources = new LinkedHashMap<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private FlywayPlaceholders placeholders = FlywayPlaceholders.NONE;

    /** Parses a region of a file (or remembers how it parsed before: see {@code LoadCache}). */
    @FunctionalInterface
    public interface Parse {
        List<Operation> parse(SqlParser parser, SourceFile file, int start, int end);
    }

    public HistoryAssembler(SqlParser parser, MigrationFiles files) {
        this(parser, files, SqlParser::parse, Checkpoint.NONE);
    }

    public HistoryAssembler(SqlParser parser, MigrationFiles files, Parse parse, Checkpoint checkpoint) {
        this.parser = parser;
        this.files = files;
        this.parse = parse;
        this.checkpoint = checkpoint;
    }

    public History assemble(PlannedHistory plan, Dialect dialect) {
        placeholders = plan.framework() == dev.lifeguard.analyzer.model.Framework.FLYWAY
                ? FlywayPlaceholders.find(plan.location(), files) : FlywayPlaceholders.NONE;
        List<PlannedMigration> readable = new ArrayList<>();
        List<SourceFile> texts = new ArrayList<>();
        for (PlannedMigration planned : plan.migrations()) {
            checkpoint.check();
            Optional<SourceFile> file = files.read(planned.file());
            if (file.isEmpty()) {
                continue; // the reader has recorded why
            }
            readable.add(planned);
            texts.add(file.get());
        }
        List<List<Operation>> parsed = parseAll(readable, texts);
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < readable.size(); i++) {
            PlannedMigration planned = readable.get(i);
            SourceFile source = texts.get(i);
            sources.put(source.path(), source);
            List<Operation> operations = parsed.get(i);
            migrations.add(new Migration(planned.id(), planned.version(), planned.description(), plan.framework(),
                    planned.kind(), source.span(0, source.text().length()), inTransaction(planned, operations),
                    Set.of(), Set.of(), Set.of(), planned.kind() == Migration.Kind.REPEATABLE, operations,
                    reverse(planned.reverse()), planned.baseline(), List.of()));
        }
        return new History(plan.location(), plan.framework(), dialect, migrations);
    }

    /** Every file a migration or reverse was read from, by root-relative path. */
    public Map<Path, SourceFile> sources() {
        return sources;
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    private Reverse reverse(PlannedReverse planned) {
        if (planned.kind() == Reverse.Kind.NONE) {
            return Reverse.none();
        }
        Optional<SourceFile> file = files.read(planned.file());
        if (file.isEmpty()) {
            // it exists but cannot be read: the reader's problem says why, and the reverse is still there
            return new Reverse(planned.kind(), SourceSpan.startOf(planned.file()), List.of());
        }
        SourceFile source = file.get();
        sources.put(source.path(), source);
        List<Operation> operations = parse(source, planned.region());
        if (planned.kind() == Reverse.Kind.ROLLBACK_BLOCK && operations.isEmpty()) {
            return Reverse.none(); // an empty migrate:down section undoes nothing
        }
        int end = planned.region().endIn(source.text());
        return new Reverse(planned.kind(), source.span(planned.region().start(), end), operations);
    }

    private List<Operation> parse(SourceFile source, Region region) {
        try {
            SourceFile read = asRun(source);
            return parse.parse(parser, read, region.start(), region.endIn(read.text()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(unreadable(source, e));
            return List.of();
        }
    }

    /** The text as the tool runs it: Flyway's ${placeholders} replaced, each by text of its own length (spans hold). */
    private SourceFile asRun(SourceFile source) {
        String text = placeholders.apply(source.text());
        return text.equals(source.text()) ? source : new SourceFile(source.path(), text);
    }

    /** The parser promises not to throw; if it does, one file is lost, not the whole run. */
    private static LoadProblem unreadable(SourceFile source, Throwable e) {
        return new LoadProblem(SourceSpan.startOf(source.path()),
                "could not read the SQL of this file (" + Failures.describe(e) + "): not checked");
    }

    /** Files are parsed independently (the parser keeps no state between calls): a long history on all cores. */
    private static final int PARALLEL_FROM = 32;

    private List<List<Operation>> parseAll(List<PlannedMigration> planned, List<SourceFile> texts) {
        Object[] results = new Object[texts.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, texts.size());
        (texts.size() >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            SourceFile source = asRun(texts.get(i));
            Region region = planned.get(i).region();
            try {
                results[i] = parse.parse(parser, source, region.start(), region.endIn(source.text()));
            } catch (RuntimeException | StackOverflowError e) {
                results[i] = e;
            }
        });
        List<List<Operation>> out = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof Throwable e) {
                problems.add(unreadable(texts.get(i), e)); // in file order, whatever the threads' order
                out.add(List.of());
            } else {
                @SuppressWarnings("unchecked")
                List<Operation> ops = (List<Operation>) results[i];
                out.add(ops);
            }
        }
        return out;
    }

    private static boolean inTransaction(PlannedMigration planned, List<Operation> operations) {
        return switch (planned.transaction()) {
            case TRANSACTION -> true;
            case NO_TRANSACTION -> false;
            case ONLY_IF_BEGIN -> operations.stream().anyMatch(op -> op instanceof Operation.TransactionControl tc
                    && tc.kind() == Operation.TransactionKind.BEGIN);
        };
    }
}
