package dev.lifeguard.analyzer.change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A commit or the git index, read through {@code git ls-tree} / {@code git ls-files} (the listing, once)
 * and {@code git cat-file --batch} (the contents, many files in one process): never the working tree.
 */
final class GitRevision implements RevisionFiles {
    /** Regular files: 100644 and 100755; symbolic links (120000) and submodules (160000) are not read. */
    private static final Set<String> FILE_MODES = Set.of("100644", "100755", "100664");

    private final Git git;
    private final GitChanges paths;
    /** A commit id, or null for the index. */
    private final String commit;
    private Map<Path, Blob> blobs;
    private String label;

    private record Blob(String id, long size) {
    }

    private GitRevision(Git git, GitChanges paths, String commit) {
        this.git = git;
        this.paths = paths;
        this.commit = commit;
    }

    static GitRevision commit(Git git, GitChanges paths, String commit) {
        return new GitRevision(git, paths, commit);
    }

    static GitRevision index(Git git, GitChanges paths) {
        return new GitRevision(git, paths, null);
    }

    @Override
    public synchronized String label() {
        if (label == null) {
            label = "the git index";
            if (commit != null) {
                label = commit.substring(0, Math.min(7, commit.length()));
                try {
                    Git.Result r = git.run("rev-parse", "--short", commit);
                    if (r.exitCode() == 0 && !r.text().isBlank()) {
                        label = r.text().strip();
                    }
                } catch (GitException e) {
                    // the first seven digits name it well enough in a message
                }
            }
        }
        return label;
    }

    @Override
    public Set<Path> paths() {
        try {
            return blobs().keySet();
        } catch (GitException e) {
            return Set.of();
        }
    }

    @Override
    public Map<Path, byte[]> read(Collection<Path> wanted, long maxBytes) throws GitException {
        return read(wanted, maxBytes, BATCH_BYTES);
    }

    /** {@link #read(Collection, long)} with contents asked for in slices of at most {@code batchBytes} (tests: small). */
    Map<Path, byte[]> read(Collection<Path> wanted, long maxBytes, long batchBytes) throws GitException {
        Map<Path, Blob> all = blobs();
        List<Path> order = new ArrayList<>();
        List<Blob> unsized = new ArrayList<>();
        for (Path p : wanted) {
            Blob b = all.get(p);
            if (b != null) {
                order.add(p);
                if (b.size() < 0) {
                    unsized.add(b);
                }
            }
        }
        Map<String, Long> sizes = sizes(unsized);
        List<Path> requested = new ArrayList<>();
        for (Path p : order) {
            Blob b = all.get(p);
            long size = b.size() >= 0 ? b.size() : sizes.getOrDefault(b.id(), -1L);
            if (size >= 0 && size <= maxBytes) {
                requested.add(p);
            }
        }
        Map<Path, byte[]> out = new LinkedHashMap<>();
        // one cat-file per slice of at most batchBytes of contents: the output of one call stays under git's cap
        int from = 0;
        while (from < requested.size()) {
            long total = 0;
            int to = from;
            StringBuilder ids = new StringBuilder();
            while (to < requested.size() && (to == from || total + size(all, sizes, requested.get(to)) <= batchBytes)) {
                total += size(all, sizes, requested.get(to));
                ids.append(all.get(requested.get(to)).id()).append('\n');
                to++;
            }
            Git.Result r = git.checked(ids.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
            parse(r.out(), requested.subList(from, to), out);
            from = to;
        }
        return out;
    }

    /** Contents read by one {@code cat-file --batch} call stay below this (a file itself is capped lower). */
    private static final long BATCH_BYTES = 64L * 1024 * 1024;

    private static long size(Map<Path, Blob> all, Map<String, Long> sizes, Path p) {
        Blob b = all.get(p);
        return b.size() >= 0 ? b.size() : sizes.getOrDefault(b.id(), 0L);
    }

    /** Splits {@code cat-file --batch} output ("<id> blob <size>\n<bytes>\n" per object) into files. */
    private static void parse(byte[] batch, List<Path> requested, Map<Path, byte[]> out) {
        int at = 0;
        for (Path p : requested) {
            int nl = indexOf(batch, (byte) '\n', at);
            if (nl < 0) {
                break;
            }
            String[] header = new String(batch, at, nl - at, StandardCharsets.UTF_8).split(" ");
            at = nl + 1;
            if (header.length < 3 || !header[1].equals("blob")) {
                continue; // "<id> missing": not in the object store (a shallow clone)
            }
            int size = Integer.parseInt(header[2]);
            if (size < 0 || at + (long) size > batch.length) {
                break; // cut short (git's output cap): what was read whole is kept
            }
            byte[] content = new byte[size];
            System.arraycopy(batch, at, content, 0, size);
            at += size + 1;
            out.put(p, content);
        }
    }

    /** Sizes of index entries, which {@code ls-files} does not give: one {@code cat-file --batch-check}. */
    private Map<String, Long> sizes(List<Blob> unsized) throws GitException {
        Map<String, Long> out = new HashMap<>();
        if (unsized.isEmpty()) {
            return out;
        }
        StringBuilder input = new StringBuilder();
        unsized.forEach(b -> input.append(b.id()).append('\n'));
        String text = git.checked(input.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch-check").text();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[1].equals("blob")) {
                out.put(parts[0], Long.parseLong(parts[2]));
            }
        }
        return out;
    }

    private synchronized Map<Path, Blob> blobs() throws GitException {
        if (blobs != null) {
            return blobs;
        }
        Map<Path, Blob> found = new LinkedHashMap<>();
        if (commit != null) {
            // <mode> SP <type> SP <id> SP* <size> TAB <path>
            for (String entry : GitChanges.split(git.checked("ls-tree", "-r", "-z", "-l", "--full-tree", commit).out())) {
                int tab = entry.indexOf('\t');
                String[] meta = entry.substring(0, Math.max(tab, 0)).trim().split(" +");
                if (tab < 0 || meta.length < 4 || !meta[1].equals("blob") || !FILE_MODES.contains(meta[0])) {
                    continue;
                }
                put(found, entry.substring(tab + 1), new Blob(meta[2], Long.parseLong(meta[3])));
            }
        } else {
            // <mode> SP <id> SP <stage> TAB <path>; a conflicted path (stages 1-3) is not a file yet
            for (String entry : GitChanges.split(git.checked("ls-files", "-s", "-z").out())) {
                int tab = entry.indexOf('\t');
                String[] meta = entry.substring(0, Math.max(tab, 0)).trim().split(" +");
                if (tab < 0 || meta.length < 3 || !meta[2].equals("0") || !FILE_MODES.contains(meta[0])) {
                    continue;
                }
                put(found, entry.substring(tab + 1), new Blob(meta[1], -1));
            }
        }
        blobs = found;
        return blobs;
    }

    private void put(Map<Path, Blob> found, String repoPath, Blob blob) {
        Path rel = paths.fromRepo(repoPath);
        if (!rel.startsWith("..")) {
            found.put(rel, blob);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
