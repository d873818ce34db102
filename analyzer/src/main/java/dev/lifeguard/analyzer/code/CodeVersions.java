package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.RevisionFiles;
import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.CodeIndex;

import java.util.Optional;

/**
 * The application versions a change meets, as code indexes. In a reviewed change ({@code --since REF},
 * {@code --staged}, the GitHub action) there are two: the version <em>running</em> in production while the
 * change deploys, whose code is the base revision's, read from git (never from the working tree, where a
 * deleted entity is gone already), and the version being <em>deployed</em>: the working tree for
 * {@code --since}, the git index for {@code --staged}. Backward compatibility is the running version against
 * the new schema; forward compatibility is the deployed version against the old schema.
 *
 * <p>Without a change under review there is one version, the working tree, and both methods answer with it.
 *
 * <p>Each index is built on first use only (a run that drops, renames and retypes nothing reads no code),
 * once, and shared: when the change touches no code file, both versions are the same code and one index
 * serves both. When the base revision cannot be read (git failed), {@link #running()} answers with the
 * deployed code and {@link #runningRevision()} is empty, so nothing claims to come from a revision it does not.
 *
 * <p>Typical use ({@code lifeguard verify} PREPAREs the running version's SQL against the new schema):
 * <pre>{@code
 * CodeVersions versions = CodeVersions.of(project.code(), change);
 * for (CodeReference r : versions.running().references()) { ... }
 * }</pre>
 */
public final class CodeVersions {
    private final CodeBase code;
    private final Change change;
    private final boolean codeChanged;
    private CodeIndex running;
    private CodeIndex deploying;
    private boolean runningFromRevision;

    private CodeVersions(CodeBase code, Change change) {
        this.code = code == null ? CodeBase.NONE : code;
        this.change = change;
        this.codeChanged = change != null && !this.code.isEmpty() && change.touchesAny(this.code::isCodeFile);
    }

    /** The versions of {@code change} over this code base; one version (the working tree) when {@code change} is null. */
    public static CodeVersions of(CodeBase code, Change change) {
        return new CodeVersions(code, change);
    }

    /** Whether a change is under review, so that there are two versions (which may still share their code). */
    public boolean reviewed() {
        return change != null;
    }

    /** Whether the change touches a code file, so that the two versions' code differs. */
    public boolean codeChanged() {
        return codeChanged;
    }

    /** The code base both versions are read for: its roots, settings and working-tree index. */
    public CodeBase codeBase() {
        return code;
    }

    /**
     * The code of the version running in production while the change deploys: the base revision's (from
     * git); without a change, the working tree.
     */
    public synchronized CodeIndex running() {
        if (running == null) {
            RevisionFiles base = change == null ? null : change.baseTree();
            if (base == null) {
                running = deploying(); // no base to read: the code there is not known apart from the deployed one
            } else if (!codeChanged && change.headTree() == null) {
                running = code.index(); // the working tree holds the base's code: its index serves both
                runningFromRevision = true;
            } else {
                Optional<CodeIndex> atBase = code.indexAt(base);
                runningFromRevision = atBase.isPresent();
                running = atBase.orElseGet(code::index);
            }
        }
        return running;
    }

    /**
     * The code of the version being deployed: the git index for {@code --staged}, else the working tree.
     */
    public synchronized CodeIndex deploying() {
        if (deploying == null) {
            RevisionFiles head = change == null ? null : change.headTree();
            if (head == null) {
                deploying = code.index();
            } else if (!codeChanged && change.baseTree() != null) {
                deploying = running(); // the index holds the base's code: one index, read from the base
            } else {
                deploying = code.indexAt(head).orElseGet(code::index);
            }
        }
        return deploying;
    }

    /**
     * The revision the running version's code was read from ({@code 3f2a9c1}), for messages such as "the
     * version running in production (at 3f2a9c1) maps users.fax"; empty without a change under review or
     * when the base could not be read.
     */
    public synchronized Optional<String> runningRevision() {
        running();
        return runningFromRevision ? Optional.of(change.baseTree().label()) : Optional.empty();
    }
}
