package dev.lifeguard.intellij;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts the newer-core harness (see {@code NewerCoreSmokeTest}): compiles it against kotlin-compiler's IntelliJ
 * core, loads it with that core in a {@link NewerCoreLoader}, and hands it the plugin's jars from the zip. Shared
 * by the smoke test and {@code NewerCoreBenchmark}.
 */
final class NewerCoreSetup {
    /** The newer core and the Kotlin runtime it needs, as Maven coordinates. */
    static final String[] CORE = {"org.jetbrains.kotlin:kotlin-compiler:2.4.21", "org.jetbrains.kotlin:kotlin-stdlib:2.4.21",
            "org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm:1.8.0", "org.jetbrains:annotations:13.0"};

    final NewerCoreLoader loader;
    final Object harness;

    private NewerCoreSetup(NewerCoreLoader loader, Object harness) {
        this.loader = loader;
        this.harness = harness;
    }

    /**
     * @param coreJars the {@link #CORE} jars
     * @param api183   Debian's intellij-platform-api.jar (its directory holds the other build-183 jars)
     * @param sources  the harness sources ({@code src/test/newer-core})
     * @param zip      the plugin zip
     * @param work     an empty directory for the compiled harness, the unpacked plugin and the IDE's home
     */
    static NewerCoreSetup start(List<Path> coreJars, Path api183, Path sources, Path zip, Path work) throws Exception {
        Path harnessClasses = compile(coreJars, api183, sources, Files.createDirectories(work.resolve("harness-classes")));
        List<Path> classpath = new ArrayList<>(coreJars);
        classpath.add(harnessClasses);
        Path debian = api183.getParent();
        NewerCoreLoader loader = new NewerCoreLoader(classpath, List.of(api183, debian.resolve("intellij-core.jar"),
                debian.resolve("intellij-util.jar"), debian.resolve("libtrove-intellij.jar")));
        List<Path> pluginJars = unpack(zip, Files.createDirectories(work.resolve("plugin")));
        Thread.currentThread().setContextClassLoader(loader);
        Object harness = loader.loadClass("dev.lifeguard.intellij.harness.NewerCoreHarness")
                .getConstructor(List.class, Path.class)
                .newInstance(pluginJars, Files.createDirectories(work.resolve("idea-home")));
        return new NewerCoreSetup(loader, harness);
    }

    /** Calls a harness method by name, unwrapping what it threw. */
    Object call(String name, Object... args) throws Exception {
        for (Method m : harness.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(harness, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** The harness, compiled against the newer core (first on the class path) and the inspection API of build 183. */
    private static Path compile(List<Path> jars, Path api183, Path sources, Path out) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        StringBuilder cp = new StringBuilder();
        for (Path jar : jars) {
            cp.append(jar).append(java.io.File.pathSeparator);
        }
        cp.append(api183);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "--release", "17", "-cp", cp.toString(),
                "-d", out.toString()));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the harness does not compile against the newer core: " + errors);
        }
        return out;
    }

    private static List<Path> unpack(Path zip, Path lib) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".jar")) {
                    Path jar = lib.resolve(Path.of(e.getName()).getFileName().toString());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, jar);
                    }
                    jars.add(jar);
                }
            }
        }
        return jars;
    }
}
