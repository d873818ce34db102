package dev.lifeguard.analyzer.change;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change under review: which files it added, modified, renamed or deleted relative to a base revision,
 * which files the base had, and their text there. Built from git by {@link GitChanges}; rules can be unit
 * tested with a hand-built one. Paths are relative to the project root.
 *
 * <p>With {@code --since REF} the base is the merge base of HEAD and REF and the change is everything
 * from it to the working tree (untracked files count as added); with {@code --staged} the base is HEAD and
 * the change is what the index holds.
 *
 * @param base      how to name the base in messages: {@code main}, {@code HEAD}
 * @param files     every file the change touches, in git's order
 * @param baseFiles every file under the project root at the base
 * @param baseTexts the text of a file at the base, by its path there
 * @param baseTree  every file of the base revision, read from git: the code of the application version that
 *                  runs in production while the change deploys; null when not known (a hand-built change)
 * @param headTree  the files of the version being deployed when they are not the working tree: the git index
 *                  for {@code --staged}; null for the working tree ({@code --since})
 */
public record Change(String base, List<FileChange> files, Set<Path> baseFiles, BaseTexts baseTexts,
                     RevisionFiles baseTree, RevisionFiles headTree) {

    /** Reads a file as it was at the base; empty when it did not exist there or is not text. */
    @FunctionalInterface
    public interface BaseTexts {
        Optional<String> read(Path pathAtBase);
    }

    public Change {
        files = List.copyOf(files);
        baseFiles = Set.copyOf(baseFiles);
    }

    /** A change whose base revision's files are known only through {@code baseTexts}, and whose head is the working tree. */
    public Change(String base, List<FileChange> files, Set<Path> baseFiles, BaseTexts baseTexts) {
        this(base, files, baseFiles, baseTexts, null, null);
    }

    /** A change from a hand-built map of base texts (tests, and the fixture harness); the map is the base tree too. */
    public static Change of(String base, List<FileChange> files, Map<Path, String> baseTexts) {
        Map<Path, String> texts = new LinkedHashMap<>(baseTexts);
        return new Change(base, files, texts.keySet(), p -> Optional.ofNullable(texts.get(p)),
                RevisionFiles.of(base, texts), null);
    }

    /** The base revision's files, when known: where the code of the version running in production is read. */
    public Optional<RevisionFiles> baseRevision() {
        return Optional.ofNullable(baseTree);
    }

    /**
     * Whether the change touches a file that {@code isCode} accepts (by its path now or at the base): when it
     * does not, the running and the deployed version have the same code.
     */
    public boolean touchesAny(java.util.function.Predicate<Path> isCode) {
        return files.stream().anyMatch(f -> isCode.test(f.path()) || f.oldPath() != null && isCode.test(f.oldPath()));
    }

    /** How the change touched a file, by its current path; empty when it did not. */
    public Optional<FileChange> of(Path file) {
        return files.stream().filter(f -> f.path().equals(file)).findFirst();
    }

    /** Whether the file is added, modified or renamed: its findings are the ones under review. */
    public boolean touches(Path file) {
        return of(file).filter(FileChange::present).isPresent();
    }

    /** Files that did not exist at the base: what they create is new, empty and unused in production. */
    public Set<Path> addedFiles() {
        return paths(FileChange.Status.ADDED);
    }

    /**
     * Files the change deletes (their paths at the base). A reference that only lives in one of them is
     * gone with the change, so the code index can discount it.
     */
    public Set<Path> deletedFiles() {
        return paths(FileChange.Status.DELETED);
    }

    /** Files that exist after the change, in git's order. */
    public List<Path> presentFiles() {
        return files.stream().filter(FileChange::present).map(FileChange::path).toList();
    }

    private Set<Path> paths(FileChange.Status status) {
        return files.stream().filter(f -> f.status() == status).map(FileChange::path)
                .collect(Collectors.toUnmodifiableSet());
    }
}
