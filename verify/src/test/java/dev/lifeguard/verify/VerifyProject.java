package dev.lifeguard.verify;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.EngineOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A migration project written into a temporary directory, loaded as lint loads it, and rehearsed. */
final class VerifyProject {
    private final Path root;

    VerifyProject(Path root) {
        this.root = root;
    }

    VerifyProject file(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return this;
    }

    Path root() {
        return root;
    }

    Project load() throws Exception {
        return load(Dialect.POSTGRESQL);
    }

    Project load(Dialect dialect) throws Exception {
        return new ProjectLoader().load(new LoadOptions(root, List.of("."), dialect, List.of()));
    }

    /** Rehearsed as a MariaDB project on the shared MariaDB. */
    RehearsalReport rehearse(SharedMariaDb mariadb, VerifyOptions options) throws Exception {
        return new Rehearsal(options, mariadb::borrowed).run(load(Dialect.MARIADB));
    }

    RehearsalReport rehearse(SharedPostgres postgres) throws Exception {
        return rehearse(postgres, VerifyOptions.defaults(EngineOptions.defaults()));
    }

    RehearsalReport rehearse(SharedPostgres postgres, VerifyOptions options) throws Exception {
        return new Rehearsal(options, postgres::borrowed).run(load());
    }

    static List<Finding> of(RehearsalReport report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static String describe(RehearsalReport report) {
        StringBuilder sb = new StringBuilder();
        report.findings().forEach(f -> sb.append(f.ruleId()).append(' ').append(f.span()).append(' ').append(f.message()).append('\n'));
        report.rows().forEach(r -> sb.append(r).append('\n'));
        report.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }
}
