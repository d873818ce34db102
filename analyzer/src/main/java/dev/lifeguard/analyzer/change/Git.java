package dev.lifeguard.analyzer.change;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} binary in one directory, always with an argument list (never a shell string) and a
 * time limit, because a linter in a pre-commit hook must not hang on a stuck repository. Git is on every
 * machine that has a repository and reads packs faster than any library would.
 */
public final class Git {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;

    /** Listings (ls-tree, diff --name-status) of the largest repositories stay far below this. */
    static final long MAX_OUTPUT = 256L * 1024 * 1024;
    private static final long MAX_ERROR = 64 * 1024;

    public Git(Path directory) {
        this.directory = directory;
    }

    /** What one call returned. */
    record Result(int exitCode, byte[] out, String err, boolean truncated) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        /** The first line of stderr, for a message. */
        String firstErrorLine() {
            String e = err.strip();
            int nl = e.indexOf('\n');
            return nl < 0 ? e : e.substring(0, nl);
        }
    }

    /** Runs {@code git <args>}; a non-zero exit is returned, not thrown, so callers can tell "no" from "broken". */
    Result run(String... args) throws GitException {
        return run(null, MAX_OUTPUT, args);
    }

    /**
     * As {@link #run(String...)}, keeping at most {@code limit} bytes of output ({@link Result#truncated} says
     * when there was more): a blob read with {@code git show} is capped like a file read from disk.
     */
    Result run(long limit, String... args) throws GitException {
        return run(null, limit, args);
    }

    /**
     * Runs {@code git <args>} with {@code input} on its standard input (written on its own thread, so a
     * command that answers while it reads, as {@code cat-file --batch} does, never blocks on a full pipe),
     * keeping at most {@code limit} bytes of output.
     */
    Result run(byte[] input, long limit, String... args) throws GitException {
        List<String> command = new ArrayList<>();
        command.add("git");
        // no pager, no colour, no prompts for credentials: git answers or fails
        command.add("--no-pager");
        command.add("-c");
        command.add("core.quotepath=off");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GitException("cannot run git (is it installed and on the PATH?): " + e.getMessage());
        }
        try {
            if (input == null) {
                process.getOutputStream().close();
            } else {
                feed(process.getOutputStream(), input);
            }
            boolean[] truncated = {false};
            CompletableFuture<byte[]> out = drain(process.getInputStream(), limit, truncated);
            CompletableFuture<byte[]> err = drain(process.getErrorStream(), MAX_ERROR, new boolean[1]);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GitException("git " + args[0] + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            byte[] bytes = out.join();
            return new Result(process.exitValue(), bytes, new String(err.join(), StandardCharsets.UTF_8), truncated[0]);
        } catch (java.util.concurrent.CompletionException e) {
            process.destroyForcibly();
            throw new GitException("git " + args[0] + " failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git " + args[0]);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new GitException("git " + args[0] + " failed: " + e.getMessage());
        }
    }

    /** Runs git and returns its output, or fails with git's own first line of complaint. */
    Result checked(String... args) throws GitException {
        return checked(null, args);
    }

    /** {@link #checked(String...)} with {@code input} on git's standard input. */
    Result checked(byte[] input, String... args) throws GitException {
        Result r = run(input, MAX_OUTPUT, args);
        if (r.exitCode() != 0) {
            throw new GitException("git " + args[0] + " failed: " + r.firstErrorLine());
        }
        return r;
    }

    private static void feed(java.io.OutputStream stdin, byte[] input) {
        Thread writer = new Thread(() -> {
            try (stdin) {
                stdin.write(input);
            } catch (IOException e) {
                // git stopped reading (it failed or was stopped): its exit code says why
            }
        }, "git-input");
        writer.setDaemon(true);
        writer.start();
    }

    /** Reads a stream on its own thread: a full stderr pipe must never block the read of stdout, or the reverse. */
    private static CompletableFuture<byte[]> drain(InputStream in, long limit, boolean[] truncated) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    // past the limit the rest is read and dropped, so git never blocks on a full pipe
                    int keep = (int) Math.max(0, Math.min(n, limit - buffer.size()));
                    buffer.write(chunk, 0, keep);
                    if (keep < n) {
                        truncated[0] = true;
                    }
                }
                result.complete(buffer.toByteArray());
            } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
            }
        }, "git-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
