package dev.lifeguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a test directory, driven through the git binary as Lifeguard drives it. */
final class GitRepo {
    final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    /** A new repository on branch main, with a user configured so commits work on any machine. */
    static GitRepo init(Path root) throws IOException {
        GitRepo repo = new GitRepo(root);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "dev@example.com");
        repo.git("config", "user.name", "Dev");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    GitRepo write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    GitRepo delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    GitRepo commitAll(String message) throws IOException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    GitRepo branch(String name) throws IOException {
        git("checkout", "-q", "-b", name);
        return this;
    }

    String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git " + args[0] + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    CliRun lint(String... args) {
        List<String> all = new ArrayList<>(List.of("lint", "--format", "json"));
        all.addAll(List.of(args));
        return CliRun.run(root, java.util.Map.of(), LintRunner.PROJECT_LOADER, all.toArray(String[]::new));
    }
}
