package dev.lifeguard.rules.change;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which changed files are application code, the half of a change that must deploy separately from the
 * schema: source files in a programming language, except tests, docs, build scripts and Java/Kotlin
 * migrations (Flyway's {@code V3__Backfill.java} is schema, not code).
 */
final class ApplicationCode {
    private static final Set<String> SOURCE_EXTENSIONS = Set.of(
            "java", "kt", "kts", "scala", "groovy", "clj", "go", "py", "rb", "js", "jsx", "mjs", "cjs", "ts", "tsx",
            "cs", "fs", "vb", "php", "rs", "swift", "dart", "ex", "exs", "erl", "lua", "pl", "c", "cc", "cpp", "h",
            "hpp", "m");
    /** Directories whose files never ship as the application. */
    private static final Set<String> NOT_APPLICATION_DIRS = Set.of(
            "test", "tests", "__tests__", "spec", "specs", "testdata", "testfixtures", "test-fixtures", "it",
            "integrationtest", "integration-test", "e2e", "docs", "doc", ".github", ".gitlab", ".circleci",
            "buildsrc", "gradle", ".mvn", "examples", "bench", "benchmarks", "scripts", "migrations", "migration");
    private static final Pattern TEST_FILE = Pattern.compile(
            ".*(Test|Tests|IT|Spec|TestCase)\\.[a-z]+|.*_test\\.go|test_.*\\.py|.*_test\\.py|.*\\.(test|spec)\\.[jt]sx?");
    private static final Pattern BUILD_FILE = Pattern.compile(
            "(build|settings)\\.gradle(\\.kts)?|pom\\.xml|setup\\.py|conftest\\.py|noxfile\\.py|Rakefile|Gemfile|"
                    + "webpack\\.config\\.[jt]s|vite\\.config\\.[jt]s|jest\\.config\\.[jt]s|.*\\.config\\.[cm]?js");
    /** Flyway's Java-based migrations live beside the application but are schema. */
    private static final Pattern JAVA_MIGRATION = Pattern.compile("[VRU]\\d[\\w.]*__.*\\.(java|kt)|R__.*\\.(java|kt)");

    private ApplicationCode() {
    }

    static boolean is(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        if (dot < 0 || !SOURCE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (TEST_FILE.matcher(n).matches() || BUILD_FILE.matcher(n).matches() || JAVA_MIGRATION.matcher(n).matches()) {
            return false;
        }
        for (Path segment : file) {
            if (NOT_APPLICATION_DIRS.contains(segment.toString().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
