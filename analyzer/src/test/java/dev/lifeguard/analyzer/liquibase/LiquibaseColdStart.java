package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;

import java.nio.file.Path;

/**
 * Cold-start measurement (not a test): loads one small changelog in a fresh JVM and prints the time.
 * Run: java -cp target/test-classes:target/classes:$(deps) dev.lifeguard.analyzer.liquibase.LiquibaseColdStart [DIR]
 */
public final class LiquibaseColdStart {
    private LiquibaseColdStart() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/acceptance/liquibase-xml-hazards");
        long start = System.nanoTime();
        var r = LoadFixtures.load(dir, Dialect.POSTGRESQL);
        long first = System.nanoTime();
        LoadFixtures.load(dir, Dialect.POSTGRESQL);
        long second = System.nanoTime();
        System.out.printf("cold load %d ms, warm load %d ms, %d migrations, %d problems%n", (first - start) / 1_000_000,
                (second - first) / 1_000_000, r.histories().stream().mapToInt(h -> h.migrations().size()).sum(),
                r.problems().size());
    }
}
