package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.Project;

import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark, not a test (run by bench/code-index.sh): loads a generated project, then times building its
 * code index and the DDL scan, in one cold JVM, as a lint run would.
 */
public final class CodeIndexBenchmark {
    private CodeIndexBenchmark() {
    }

    /** CPU time of the whole process: on a shared machine, wall time says more about the neighbours. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after a full collection: what the objects still reachable take. */
    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** What the index holds for verify (statements and entities), where this build has them. */
    private static String statementsLine(CodeIndex index) {
        try {
            Object statements = CodeIndex.class.getMethod("statements").invoke(index);
            Object entities = CodeIndex.class.getMethod("entities").invoke(index);
            return "statements: " + ((List<?>) statements).size() + ", entities: " + ((List<?>) entities).size();
        } catch (ReflectiveOperationException e) {
            return "statements: (not in this build)";
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        Project project = new ProjectLoader().load(new LoadOptions(root, List.of("src/main/resources/db/migration"),
                null, List.of()));
        long t1 = System.nanoTime();
        boolean builtByLoad = project.code().indexBuilt();
        long heap0 = retainedHeap();
        long cpu1 = cpuNanos();
        CodeIndex index = project.code().index();
        long t2 = System.nanoTime();
        long cpu2 = cpuNanos();
        long heap1 = retainedHeap();
        int ddl = project.code().ddlInCode().size();
        long t3 = System.nanoTime();
        System.out.printf("load (no index): %d ms, index built by load: %s%n", (t1 - t0) / 1_000_000, builtByLoad);
        System.out.printf("code index: %d files read, %d references in %d ms wall, %d ms CPU (%d cores, load %.1f)%n",
                index.files().size(), index.references().size(), (t2 - t1) / 1_000_000, (cpu2 - cpu1) / 1_000_000,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("heap retained by the index (files' text included): %d MB%n", (heap1 - heap0) / (1024 * 1024));
        System.out.println(statementsLine(index));
        System.out.printf("DDL scan after the index: %d statements in %d ms%n", ddl, (t3 - t2) / 1_000_000);
    }
}
