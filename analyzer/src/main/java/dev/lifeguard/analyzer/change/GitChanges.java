package dev.lifeguard.analyzer.change;

import dev.lifeguard.analyzer.discovery.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks git what the change under review is: {@code --since REF} (merge base with REF up to the working
 * tree, untracked files included) or {@code --staged} (HEAD up to the index).
 *
 * <p>Renames are detected (git's default 50 % similarity): a renamed migration is not a new one, so the
 * tables it creates do not count as new, and its old text is found at its old path.
 */
public final class GitChanges {
    private final Path projectRoot;
    private final Git git;
    private final Path topLevel;
    /** The project root relative to the repository's top level ("" when they are the same). */
    private final Path prefix;

    private GitChanges(Path projectRoot, Path topLevel) {
        this.projectRoot = projectRoot;
        this.topLevel = topLevel;
        this.git = new Git(topLevel);
        this.prefix = topLevel.relativize(projectRoot);
    }

    /** The repository that holds the project root; fails with one line when there is none. */
    public static GitChanges open(Path projectRoot) throws GitException {
        Path root;
        try {
            root = projectRoot.toRealPath();
        } catch (IOException e) {
            throw new GitException("not a directory: " + projectRoot);
        }
        Git.Result r = new Git(root).run("rev-parse", "--show-toplevel");
        if (r.exitCode() != 0) {
            throw new GitException(r.err().contains("not a git repository")
                    ? "not a git repository: " + projectRoot + " (--since and --staged compare against git)"
                    : "git rev-parse failed: " + r.firstErrorLine());
        }
        Path top;
        try {
            top = Path.of(r.text().strip()).toRealPath();
        } catch (IOException e) {
            throw new GitException("cannot find the repository root of " + projectRoot + ": " + e.getMessage());
        }
        if (!root.startsWith(top)) {
            throw new GitException("the project root " + projectRoot + " is outside its git repository " + top);
        }
        return new GitChanges(root, top);
    }

    /** The change from the merge base of HEAD and {@code ref} to the working tree. */
    public Change since(String ref) throws GitException {
        String target = commit(ref).orElseThrow(() -> new GitException("unknown git revision: " + ref
                + " (--since needs a branch, tag or commit that exists in this repository)"));
        String head = commit("HEAD").orElseThrow(() -> new GitException(
                "the repository has no commits yet: nothing to compare with " + ref));
        Git.Result mb = git.run("merge-base", head, target);
        if (mb.exitCode() != 0) {
            throw new GitException(mb.exitCode() == 1 ? ref + " and HEAD share no history: no merge base to compare with"
                    : "git merge-base failed: " + mb.firstErrorLine());
        }
        String base = mb.text().strip();
        List<FileChange> files = new ArrayList<>(nameStatus(git.checked("diff", "-z", "--name-status", "-M",
                "--no-ext-diff", base, "--")));
        Set<Path> known = new HashSet<>();
        files.forEach(f -> known.add(f.path()));
        for (String p : split(git.checked("ls-files", "-z", "--others", "--exclude-standard").out())) {
            Path rel = fromRepo(p);
            if (known.add(rel)) {
                files.add(FileChange.added(rel));
            }
        }
        return new Change(ref, files, baseFiles(base), texts(base), GitRevision.commit(git, this, base), null);
    }

    /** What the index holds: the change from HEAD (or from nothing, before the first commit) to the index. */
    public Staged staged() throws GitException {
        Optional<String> head = commit("HEAD");
        List<FileChange> files = nameStatus(git.checked("diff", "--cached", "-z", "--name-status", "-M", "--no-ext-diff"));
        Map<Path, String> index = new LinkedHashMap<>();
        for (FileChange f : files) {
            if (f.present()) {
                Git.Result r = git.run(SourceReader.MAX_BYTES, "show", ":" + toRepo(f.path()));
                if (r.exitCode() == 0 && !r.truncated()) { // a larger blob: the file on disk is read, and capped
                    index.put(f.path(), decode(r.out()));
                }
            }
        }
        RevisionFiles staged = GitRevision.index(git, this);
        Change change = head.isPresent()
                ? new Change("HEAD", files, baseFiles(head.get()), texts(head.get()), GitRevision.commit(git, this, head.get()),
                        staged)
                : new Change("HEAD", files, Set.of(), p -> Optional.empty(), RevisionFiles.of("nothing", Map.of()), staged);
        return new Staged(change, index);
    }

    /**
     * The staged change and the staged text of every file it adds, modifies or renames, by root-relative
     * path: what the loader reads instead of the working tree.
     */
    public record Staged(Change change, Map<Path, String> index) {
        public Staged {
            index = Map.copyOf(index);
        }
    }

    private Optional<String> commit(String ref) throws GitException {
        if (ref.isBlank() || ref.startsWith("-")) {
            return Optional.empty();
        }
        Git.Result r = git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        return r.exitCode() == 0 ? Optional.of(r.text().strip()) : Optional.empty();
    }

    private Set<Path> baseFiles(String commit) throws GitException {
        Set<Path> files = new HashSet<>();
        for (String p : split(git.checked("ls-tree", "-r", "-z", "--name-only", "--full-tree", commit).out())) {
            Path rel = fromRepo(p);
            if (!rel.startsWith("..")) {
                files.add(rel);
            }
        }
        return files;
    }

    /** Base texts are read lazily, once each: only edited migrations need theirs. */
    private Change.BaseTexts texts(String commit) {
        Map<Path, Optional<String>> cache = new ConcurrentHashMap<>();
        return path -> cache.computeIfAbsent(path, p -> {
            try {
                Git.Result r = git.run(SourceReader.MAX_BYTES, "show", commit + ":" + toRepo(p));
                return r.exitCode() == 0 && !r.truncated() ? Optional.of(decode(r.out())) : Optional.empty();
            } catch (GitException e) {
                return Optional.empty();
            }
        });
    }

    private List<FileChange> nameStatus(Git.Result r) {
        List<String> tokens = split(r.out());
        List<FileChange> files = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            String status = tokens.get(i++);
            char kind = status.isEmpty() ? '?' : status.charAt(0);
            if ((kind == 'R' || kind == 'C') && i + 1 < tokens.size()) {
                Path from = fromRepo(tokens.get(i++));
                Path to = fromRepo(tokens.get(i++));
                files.add(kind == 'R' ? FileChange.renamed(from, to) : FileChange.added(to));
            } else if (i < tokens.size()) {
                Path p = fromRepo(tokens.get(i++));
                switch (kind) {
                    case 'A' -> files.add(FileChange.added(p));
                    case 'D' -> files.add(FileChange.deleted(p));
                    default -> files.add(FileChange.modified(p)); // M, T (type change), U (unmerged)
                }
            }
        }
        return files;
    }

    static List<String> split(byte[] out) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                if (i > start) {
                    parts.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        if (start < out.length) {
            String last = new String(out, start, out.length - start, StandardCharsets.UTF_8).strip();
            if (!last.isEmpty()) {
                parts.add(last);
            }
        }
        return parts;
    }

    /** A repository path as the project names it. */
    Path fromRepo(String repoPath) {
        return prefix.relativize(Path.of(repoPath)).normalize();
    }

    /** A project path as git names it (always with '/'). */
    String toRepo(Path rootRelative) {
        return prefix.resolve(rootRelative).normalize().toString().replace('\\', '/');
    }

    /** Git stores bytes; the linter reads UTF-8 (malformed bytes replaced) without a byte order mark. */
    private static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The project root this instance resolves paths against (real path). */
    public Path projectRoot() {
        return projectRoot;
    }

    /** The repository's top-level directory (real path). */
    public Path topLevel() {
        return topLevel;
    }
}
