package dev.lifeguard.analyzer.change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of one revision of the project, read from git and never from the working tree: the base of a
 * reviewed change (a commit: the code running in production while the change deploys), or what the git
 * index holds ({@code --staged}: the code about to be committed). Paths are relative to the project root,
 * as everywhere else; files outside the root are not listed.
 *
 * <p>Built by {@link GitChanges} ({@link Change#baseTree()}, {@link Change#headTree()}); tests build one
 * from a map with {@link #of}.
 */
public interface RevisionFiles {

    /** How messages name the revision: an abbreviated commit id ({@code 3f2a9c1}), or {@code the git index}. */
    String label();

    /** Every regular file of the revision under the project root (symbolic links and submodules are not files). */
    Set<Path> paths();

    /**
     * Reads these files in one pass. A file that is not in the revision, or is larger than {@code maxBytes},
     * is left out of the answer; the bytes are the file's as stored (no decoding).
     *
     * @throws GitException when git cannot be asked at all (the repository vanished, git failed)
     */
    Map<Path, byte[]> read(Collection<Path> paths, long maxBytes) throws GitException;

    /** A revision held in memory (tests, the fixture harness): {@code texts} by root-relative path. */
    static RevisionFiles of(String label, Map<Path, String> texts) {
        Map<Path, String> copy = Map.copyOf(texts);
        return new RevisionFiles() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Set<Path> paths() {
                return copy.keySet();
            }

            @Override
            public Map<Path, byte[]> read(Collection<Path> paths, long maxBytes) {
                Map<Path, byte[]> out = new LinkedHashMap<>();
                for (Path p : paths) {
                    String text = copy.get(p);
                    byte[] bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                    if (bytes != null && bytes.length <= maxBytes) {
                        out.put(p, bytes);
                    }
                }
                return out;
            }
        };
    }
}
