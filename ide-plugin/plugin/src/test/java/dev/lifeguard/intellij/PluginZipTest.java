package dev.lifeguard.intellij;

import com.intellij.codeInspection.LocalInspectionTool;
import com.intellij.codeInspection.LocalQuickFix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installable zip as IntelliJ's "Install Plugin from Disk…" reads it: {@code lifeguard/lib/*.jar}, one of
 * them holding {@code META-INF/plugin.xml}, whose classes exist in those jars and extend the IntelliJ types
 * they are registered as. Runs after {@code package} (the zip does not exist before).
 */
class PluginZipTest {
    @TempDir
    static Path unpacked;

    private static Path zip;
    private static List<Path> jars;
    private static Path pluginJar;
    private static Document pluginXml;

    @BeforeAll
    static void unpack() throws Exception {
        String property = System.getProperty("lifeguard.plugin.zip");
        // set in the build's integration-test phase only, after package: in the test phase there is no zip yet
        assumeTrue(property != null, "lifeguard.plugin.zip is set for the plugin-zip test run after package");
        zip = Path.of(property);
        assertTrue(Files.isRegularFile(zip), zip + " was built");
        jars = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                if (e.isDirectory()) {
                    continue;
                }
                Path out = unpacked.resolve(e.getName()).normalize();
                assertTrue(out.startsWith(unpacked), e.getName());
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out);
                }
                jars.add(out);
            }
        }
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                if (j.getEntry("META-INF/plugin.xml") != null) {
                    assertTrue(pluginJar == null, "one plugin.xml, found in " + pluginJar + " and " + jar);
                    pluginJar = jar;
                    try (InputStream in = j.getInputStream(j.getEntry("META-INF/plugin.xml"))) {
                        pluginXml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                    }
                }
            }
        }
    }

    @Test
    void zipHoldsOnlyJarsInLifeguardLib() {
        assertFalse(jars.isEmpty());
        for (Path jar : jars) {
            Path relative = unpacked.relativize(jar);
            assertEquals(Path.of("lifeguard", "lib"), relative.getParent(), relative.toString());
            assertTrue(relative.getFileName().toString().endsWith(".jar"), relative.toString());
        }
        assertTrue(zip.getFileName().toString().matches("lifeguard-intellij-.+\\.zip"), zip.toString());
    }

    @Test
    void runtimeDependenciesAreBundledAndIntellijIsNot() throws IOException {
        List<String> names = jars.stream().map(j -> j.getFileName().toString()).toList();
        for (String prefix : List.of("lifeguard-ide-plugin-", "lifeguard-rules-", "lifeguard-analyzer-", "jsqlparser-",
                "liquibase-core-", "snakeyaml-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), prefix + " in " + names);
        }
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("com/intellij/")),
                        jar.getFileName() + " bundles IntelliJ classes, which the IDE provides");
            }
        }
    }

    @Test
    void pluginXmlDeclaresTheInspectionForBuild223OnEveryIde() throws IOException {
        assertNotNull(pluginJar, "a jar in lib/ holds META-INF/plugin.xml");
        Element root = pluginXml.getDocumentElement();
        assertEquals("idea-plugin", root.getTagName());
        assertEquals("dev.lifeguard.migrations", text(root, "id"), "a Marketplace id: no \"intellij\" in it");
        assertFalse(text(root, "version").contains("${"), "version is filtered: " + text(root, "version"));
        assertEquals("223", ((Element) root.getElementsByTagName("idea-version").item(0)).getAttribute("since-build"));
        assertEquals("com.intellij.modules.platform", text(root, "depends"));

        Element inspection = single(root, "localInspection");
        assertEquals("", inspection.getAttribute("language"));
        assertTrue(inspection.hasAttribute("language"), "language=\"\" runs it on SQL, XML, YAML and JSON alike");
        assertEquals("true", inspection.getAttribute("enabledByDefault"));
        assertEquals("WARNING", inspection.getAttribute("level"));
        for (String attribute : List.of("shortName", "displayName", "groupName", "implementationClass")) {
            assertFalse(inspection.getAttribute(attribute).isBlank(), attribute);
        }
        String page = "inspectionDescriptions/" + inspection.getAttribute("shortName") + ".html";
        try (JarFile j = new JarFile(pluginJar.toFile())) {
            assertNotNull(j.getEntry(page), page + " in the plugin jar");
        }
    }

    @Test
    void everyClassPluginXmlNamesExistsInTheZipAndExtendsWhatItIsRegisteredAs() throws Exception {
        Set<String> named = new LinkedHashSet<>();
        NodeList all = pluginXml.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attribute : List.of("implementationClass", "implementation", "serviceImplementation", "instance")) {
                if (!e.getAttribute(attribute).isBlank()) {
                    named.add(e.getAttribute(attribute));
                }
            }
        }
        assertFalse(named.isEmpty());

        // the zip's jars over the IntelliJ jars only: nothing of this module's target/classes can stand in
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        for (Class<?> c : List.of(LocalInspectionTool.class, com.intellij.psi.PsiFile.class,
                com.intellij.openapi.util.TextRange.class, com.intellij.openapi.extensions.ExtensionPointName.class,
                org.jetbrains.annotations.NotNull.class)) {
            URL location = c.getProtectionDomain().getCodeSource().getLocation();
            if (!urls.contains(location)) {
                urls.add(location);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String name : named) {
                Class<?> c = Class.forName(name, false, loader);
                assertTrue(c.getProtectionDomain().getCodeSource().getLocation().toString().contains("/lifeguard/lib/"),
                        name + " comes from the zip");
            }
            Class<?> inspection = Class.forName(single(pluginXml.getDocumentElement(), "localInspection")
                    .getAttribute("implementationClass"), false, loader);
            assertTrue(Class.forName(LocalInspectionTool.class.getName(), false, loader).isAssignableFrom(inspection),
                    inspection + " extends LocalInspectionTool");
            for (String fix : List.of("dev.lifeguard.intellij.RewriteFix", "dev.lifeguard.intellij.SuppressFix")) {
                Class<?> quickFix = Class.forName(fix, false, loader);
                assertTrue(Class.forName(LocalQuickFix.class.getName(), false, loader).isAssignableFrom(quickFix));
            }
            // Lifeguard's engine, which the inspection runs in-process, loads from the zip too
            Class.forName("dev.lifeguard.rules.engine.Engine", false, loader);
            Class.forName("liquibase.Scope", false, loader);
        }
    }

    @Test
    void theReadmeAndDocsNameTheCommandAndTheZipItBuilds() throws IOException {
        Path repository = zip.toAbsolutePath().getParent().getParent().getParent().getParent();
        String relative = repository.relativize(zip.toAbsolutePath()).toString().replace('\\', '/');
        String version = zip.getFileName().toString().replaceFirst("^lifeguard-intellij-", "").replaceFirst("\\.zip$", "");
        String documented = relative.replace(version, "<version>");
        for (String doc : List.of("README.md", "docs/intellij.md")) {
            String text = Files.readString(repository.resolve(doc));
            assertTrue(text.contains(documented), doc + " names " + documented);
            assertTrue(text.contains("mvn -B -pl ide-plugin/plugin -am package -DskipTests"), doc + " has the build command");
            assertTrue(text.contains("Settings → Plugins → ⚙ → Install Plugin"), doc + " says how to install from disk");
        }
    }

    private static String text(Element root, String tag) {
        return single(root, tag).getTextContent().strip();
    }

    private static Element single(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        assertEquals(1, nodes.getLength(), "one <" + tag + ">");
        return (Element) nodes.item(0);
    }
}
