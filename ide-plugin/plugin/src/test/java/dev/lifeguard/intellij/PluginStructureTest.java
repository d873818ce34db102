package dev.lifeguard.intellij;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JetBrains Plugin Verifier's structure check on the built zip: the plugin is read by the verifier's own
 * {@code IdePluginManager} (from {@code org.jetbrains.intellij.plugins:verifier-cli:1.410}, classifier
 * {@code all}), which applies JetBrains Marketplace's rules for plugin.xml and the zip layout. This is the part of
 * the verifier that runs offline; the binary compatibility check against an IDE build (the verifier's
 * {@code check-plugin}) needs an IDE distribution and does not run here.
 */
class PluginStructureTest {
    private static ClassLoader verifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadVerifier() throws Exception {
        List<Path> jar = ExternalInputs.require("the Plugin Verifier structure check",
                "org.jetbrains.intellij.plugins:verifier-cli:1.410:all");
        verifier = new URLClassLoader("plugin-verifier", new URL[] {jar.get(0).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    /** The verifier's verdict: "OK <id>" or "FAIL", then one line per problem or warning. */
    private static List<String> check(Path zip) throws Exception {
        Class<?> managerClass = verifier.loadClass("com.jetbrains.plugin.structure.intellij.plugin.IdePluginManager");
        Object manager = managerClass.getMethod("createManager").invoke(null);
        Object result = managerClass.getMethod("createPlugin", Path.class).invoke(manager, zip);
        List<String> out = new ArrayList<>();
        String kind = result.getClass().getSimpleName();
        if (kind.equals("PluginCreationSuccess")) {
            Object plugin = result.getClass().getMethod("getPlugin").invoke(result);
            out.add("OK " + plugin.getClass().getMethod("getPluginId").invoke(plugin));
            for (String getter : List.of("getWarnings", "getUnacceptableWarnings")) {
                for (Object p : (List<?>) result.getClass().getMethod(getter).invoke(result)) {
                    out.add(getter + ": " + message(p));
                }
            }
        } else {
            out.add("FAIL");
            for (Object p : (List<?>) result.getClass().getMethod("getErrorsAndWarnings").invoke(result)) {
                out.add(message(p));
            }
        }
        return out;
    }

    private static String message(Object problem) throws Exception {
        Method level = problem.getClass().getMethod("getLevel");
        Method message = problem.getClass().getMethod("getMessage");
        return level.invoke(problem) + ": " + message.invoke(problem);
    }

    @Test
    void theBuiltZipPassesTheStructureCheckWithoutWarnings() throws Exception {
        assertEquals(List.of("OK dev.lifeguard.migrations"), check(ExternalInputs.pluginZip()));
    }

    /**
     * The check can fail the build: the descriptor the issue found rejected (an id with "intellij" in it) is
     * reported ("Invalid plugin descriptor ... should not include the word 'intellij'"), where the built zip
     * has nothing reported at all.
     */
    @Test
    void theCheckReportsAnIdWithIntellijInIt() throws Exception {
        Path bad = withPluginXml(ExternalInputs.pluginZip(), xml -> xml.replace("<id>dev.lifeguard.migrations</id>",
                "<id>dev.lifeguard.intellij</id>"));
        List<String> verdict = check(bad);
        assertTrue(verdict.size() > 1, verdict.toString());
        assertTrue(verdict.stream().anyMatch(l -> l.contains("Invalid plugin descriptor")
                && l.contains("should not include the word 'intellij'")), verdict.toString());
    }

    /** A copy of the zip whose plugin.xml is rewritten. */
    private Path withPluginXml(Path zip, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path out = dir.resolve(zip.getFileName());
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().endsWith(".jar") && !e.isDirectory()) {
                        Path jar = Files.createTempFile(dir, "lib", ".jar");
                        Files.copy(data, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        z.write(rewriteJar(jar, edit));
                    } else {
                        data.transferTo(z);
                    }
                }
                z.closeEntry();
            }
        }
        return out;
    }

    private byte[] rewriteJar(Path jar, java.util.function.UnaryOperator<String> edit) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarFile in = new JarFile(jar.toFile()); JarOutputStream out = new JarOutputStream(bytes)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals("META-INF/plugin.xml")) {
                        out.write(edit.apply(new String(data.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo((OutputStream) out);
                    }
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
