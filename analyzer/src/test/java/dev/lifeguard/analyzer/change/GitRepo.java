package dev.lifeguard.analyzer.change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway git repository for tests that need a change under review: files written into it and git run in it
 * through Lifeguard's own {@link Git} (its time bound included). Shared by the analyzer's, verify's and the cli's
 * tests through the analyzer's test jar.
 */
public final class GitRepo {
    private final Path dir;
    private final Git git;

    private GitRepo(Path dir) {
        this.dir = dir;
        this.git = new Git(dir);
    }

    /** {@code git init} on branch {@code main}, with a committer and no signing: a commit works on any machine. */
    public static GitRepo init(Path dir) throws IOException {
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "dev@example.com");
        repo.git("config", "user.name", "Dev");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    /** Writes a file (UTF-8), creating its directories. */
    public void write(String path, String text) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** Runs {@code git <args>} here and returns its standard output; a failure is an IOException with git's error. */
    public String git(String... args) throws IOException {
        try {
            Git.Result r = git.run(args);
            if (r.exitCode() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + r.err());
            }
            return r.text();
        } catch (GitException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
