package dev.lifeguard.rules.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigLocatorTest {
    @TempDir
    Path root;

    @Test
    void theNearestFileUpwardsIsFound() throws Exception {
        Path module = Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("lifeguard.yml"), "dialect: mysql\n");
        assertEquals(Optional.of(root.resolve("lifeguard.yml")), ConfigLocator.find(module));
        Files.writeString(root.resolve("a/lifeguard.yml"), "dialect: h2\n");
        assertEquals(Optional.of(root.resolve("a/lifeguard.yml")), ConfigLocator.find(module));
    }

    @Test
    void aConfigFileGivenMustExist() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLocator.load(Path.of("conf/lg.yml"), root, Set.of()));
        assertEquals("conf/lg.yml: no such file", e.getMessage());
    }
}
