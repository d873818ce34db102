package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DDL in code is reported, and a reviewed change that touches no source does not pay for reading them all. */
class AppManagedSchemaRuleTest {
    private static final Path DAO = Path.of("src/main/java/app/Dao.java");
    private static final Path MIGRATION = Path.of("db/migration/V2__x.sql");

    /** Code whose DDL scan counts how often it runs. */
    private static final class CountingReader implements CodeBase.Reader {
        int scans;

        @Override
        public CodeIndex index() {
            return CodeIndex.EMPTY;
        }

        @Override
        public List<SchemaChangeInCode> ddlInCode() {
            scans++;
            return List.of(new SchemaChangeInCode(SourceSpan.ofLine(DAO, 7), null, "ALTER TABLE"));
        }

        @Override
        public Optional<SourceFile> loaded(Path file) {
            return Optional.empty();
        }

        @Override
        public boolean indexBuilt() {
            return false;
        }
    }

    private static List<Finding> lint(CountingReader reader, EngineOptions options) {
        Project project = new Project(Path.of("/project"), List.of(), Map.of(), List.of(),
                new CodeBase(List.of(Path.of("src/main")), List.of(), reader));
        return new Engine(List.of(new AppManagedSchemaRule()), options).lint(project).findings();
    }

    @Test
    void ddlInApplicationCodeIsReported() {
        CountingReader reader = new CountingReader();
        List<Finding> found = lint(reader, EngineOptions.defaults());
        assertEquals(1, found.size());
        assertEquals(DAO, found.get(0).span().file());
    }

    @Test
    void aChangeTouchingASourceStillHasItsDdlReported() {
        CountingReader reader = new CountingReader();
        Change change = Change.of("main", List.of(FileChange.modified(MIGRATION), FileChange.modified(DAO)), Map.of());
        assertEquals(1, lint(reader, EngineOptions.defaults().withChange(change)).size());
        assertEquals(1, reader.scans);
    }

    @Test
    void aChangeTouchingNoSourceDoesNotScanThem() {
        CountingReader reader = new CountingReader();
        Change change = Change.of("main", List.of(FileChange.modified(MIGRATION)), Map.of());
        assertEquals(List.of(), lint(reader, EngineOptions.defaults().withChange(change)));
        assertEquals(0, reader.scans, "every finding would have been dropped: the scan is skipped");
    }
}
