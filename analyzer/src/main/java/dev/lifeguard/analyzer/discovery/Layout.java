package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.nio.file.Path;
import java.util.List;

/** One migration tool's conventions: which files are its migrations, how they are ordered and reversed. */
interface Layout {

    Framework framework();

    /** Whether a file follows this layout's naming (or, for dbmate, its sections). */
    boolean claims(Path file, MigrationFiles files);

    /** Plans the history of one directory from the files given in it; files that do not fit become problems. */
    PlannedHistory plan(Path directory, List<Path> given, Context context);

    /** What a layout works with: the files, the dialect being linted, and where problems go. */
    record Context(MigrationFiles files, Dialect dialect, List<LoadProblem> problems) {

        void problem(Path file, String message) {
            problems.add(new LoadProblem(SourceSpan.startOf(file), message));
        }
    }
}
