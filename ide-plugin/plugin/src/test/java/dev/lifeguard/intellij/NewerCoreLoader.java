package dev.lifeguard.intellij;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The class loader of the newer IntelliJ core: kotlin-compiler's jar (its {@code com.intellij.*} platform
 * classes), the Kotlin runtime it needs and the harness, searched first. A class none of them has is taken from
 * Debian's build-183 jars ({@code intellij-platform-api}, {@code intellij-core}, GNU Trove), defined in this
 * loader so that it links against the newer core: the inspection API ({@code com.intellij.codeInspection.*},
 * which the compiler's core does not carry) and what those old classes need in turn. Every class taken from
 * there is recorded, so the test can say which of the plugin's platform calls the newer core answered.
 */
final class NewerCoreLoader extends URLClassLoader {
    private final List<JarFile> fallback = new ArrayList<>();
    final Set<String> takenFrom183 = ConcurrentHashMap.newKeySet();

    NewerCoreLoader(List<Path> jars, List<Path> build183) throws IOException {
        super("newer-intellij-core", urls(jars), ClassLoader.getPlatformClassLoader());
        for (Path jar : build183) {
            fallback.add(new JarFile(jar.toFile()));
        }
    }

    private static URL[] urls(List<Path> jars) throws IOException {
        URL[] out = new URL[jars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = jars.get(i).toUri().toURL();
        }
        return out;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException missing) {
            String entryName = name.replace('.', '/') + ".class";
            for (JarFile jar : fallback) {
                ZipEntry entry = jar.getEntry(entryName);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    takenFrom183.add(name);
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            throw missing;
        }
    }

    /** The build-183 jars stay open: the test runner may still load classes to print a stack trace. */
    @Override
    public void close() throws IOException {
        super.close();
    }
}
