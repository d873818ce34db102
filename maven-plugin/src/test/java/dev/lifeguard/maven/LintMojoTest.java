package dev.lifeguard.maven;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plugin's parameters become the command line's options, with the paths after "--". */
class LintMojoTest {
    @Test
    void parametersMapToTheCommandLine() {
        LintMojo mojo = new LintMojo();
        assertEquals(List.of("lint", "--fail-on", "never", "--"), mojo.arguments(List.of("--fail-on", "never")));
        mojo.dialect = "mysql";
        mojo.excludes = List.of("db/legacy/**");
        mojo.targetVersion = "8.0";
        mojo.config = new File("/p/lifeguard.yml");
        mojo.since = "origin/main";
        mojo.baseline = new File("/p/base.json");
        mojo.code = List.of("src/main/java", "lib/src");
        mojo.paths = List.of("db", "-odd.sql");
        assertEquals(List.of("lint", "--dialect", "mysql", "--exclude", "db/legacy/**", "--target-version", "8.0",
                "--config", new File("/p/lifeguard.yml").getAbsolutePath(), "--since", "origin/main",
                "--baseline", new File("/p/base.json").getAbsolutePath(), "--format", "sarif",
                "--code", "src/main/java", "lib/src", "--", "db", "-odd.sql"), mojo.arguments(List.of("--format", "sarif")));
    }
}
