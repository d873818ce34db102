package dev.lifeguard.intellij;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (run by bench/editor.sh, not a test): the plugin's {@code checkFile} inside the newer IntelliJ core
 * (see {@code NewerCoreSmokeTest}) on a project on disk. Prints the first check of a migration (the whole
 * project read cold), re-checks after edits (the edited text is written to the file and its PSI read again,
 * outside the timing, since the compiler's core does not reparse; the warm model is not told), and checks of
 * the project's pom.xml. One line per figure, in milliseconds: {@code name median p95 n cpu}, cpu being this
 * process's CPU time (all threads) per operation.
 *
 * <p>Usage: NewerCoreBenchmark PLUGIN_ZIP PROJECT FILE [EDITS]
 */
public final class NewerCoreBenchmark {
    private NewerCoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        Path project = Path.of(args[1]).toAbsolutePath();
        Path file = project.resolve(args[2]);
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path repo = Path.of(System.getProperty("lifeguard.m2", System.getProperty("user.home") + "/.m2/repository"));
        List<Path> core = Arrays.stream(NewerCoreSetup.CORE).map(c -> artifact(repo, c)).toList();
        Path work = Files.createTempDirectory("newer-core-bench");
        NewerCoreSetup setup = NewerCoreSetup.start(core, Path.of("/usr/share/java/intellij-platform-api.jar"),
                Path.of(System.getProperty("harness.sources", "ide-plugin/plugin/src/test/newer-core")), zip, work);

        String original = Files.readString(file);
        Object opened = setup.call("open", file);
        long cpu = cpu();
        long start = System.nanoTime();
        List<?> first = (List<?>) setup.call("check", opened);
        report("plugin first check (cold project)", new long[] {System.nanoTime() - start}, (cpu() - cpu) / 1e6);
        System.out.println("# first check: " + first.size() + " problems");

        long[] recheck = new long[edits];
        long checkCpu = 0;
        try {
            for (int i = 0; i < edits + 10; i++) {
                Files.writeString(file, edit(file, original, i));
                Object psi = setup.call("open", file);
                long c = cpu();
                long s = System.nanoTime();
                setup.call("check", psi);
                if (i >= 10) { // the first ten warm the JIT
                    recheck[i - 10] = System.nanoTime() - s;
                    checkCpu += cpu() - c;
                }
            }
        } finally {
            Files.writeString(file, original);
        }
        report("plugin re-check of the edited file", recheck, checkCpu / 1e6 / edits);

        Object pom = setup.call("open", project.resolve("pom.xml"));
        long[] poms = new long[1000];
        long pomCpu = cpu();
        for (int i = 0; i < poms.length; i++) {
            long s = System.nanoTime();
            List<?> none = (List<?>) setup.call("check", pom);
            poms[i] = System.nanoTime() - s;
            if (!none.isEmpty()) {
                throw new IllegalStateException("pom.xml got problems: " + none);
            }
        }
        report("plugin check of pom.xml", poms, (cpu() - pomCpu) / 1e6 / poms.length);
        setup.call("dispose");
        System.exit(0);
    }

    /** A keystroke's worth of change, in the file's own comment syntax. */
    static String edit(Path file, String text, int i) {
        if (file.toString().endsWith(".xml")) {
            return text.replace("</databaseChangeLog>", "<!-- edit " + i + " -->\n</databaseChangeLog>");
        }
        return text + "-- edit " + i + "\n";
    }

    static void report(String name, long[] nanos, double cpuMillis) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6;
        System.out.printf(java.util.Locale.ROOT, "%s\t%.3f\t%.3f\t%d\t%.3f%n", name, median, p95, sorted.length, cpuMillis);
    }

    /** This process's CPU time (every thread), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path artifact(Path repo, String coordinates) {
        String[] p = coordinates.split(":");
        return repo.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(p[1] + "-" + p[2] + ".jar");
    }
}
