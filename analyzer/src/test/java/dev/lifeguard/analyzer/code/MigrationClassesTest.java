package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MigrationClassesTest {

    @Test
    void superclassByImportSamePackageOrQualifiedName() {
        assertEquals(Optional.of("org.base.Base"), MigrationClasses.superclass(
                "package a.b;\nimport org.base.Base;\npublic class X extends Base implements Y {}"));
        assertEquals(Optional.of("a.b.Base"), MigrationClasses.superclass("package a.b;\nclass X extends Base {}"));
        assertEquals(Optional.of("c.d.Base"), MigrationClasses.superclass("package a.b;\nclass X<T> extends c.d.Base {}"));
        assertEquals(Optional.empty(), MigrationClasses.superclass("package a.b;\nclass X implements Y {}"));
    }

    @Test
    void namedClassesAndWhatTheyExtendThroughTheProjectsSources() {
        Map<Path, String> sources = Map.of(
                Path.of("src/main/java/org/x/db/Fix.java"), "package org.x.db;\nimport org.x.util.Base;\nclass Fix extends Base {}",
                Path.of("src/main/java/org/x/util/Base.java"), "package org.x.util;\nclass Base extends Root {}",
                Path.of("src/main/java/org/x/util/Root.java"), "package org.x.util;\nclass Root implements CustomTaskChange {}",
                Path.of("src/main/java/org/x/app/Service.java"), "package org.x.app;\nclass Service extends Base {}");
        Set<Path> files = MigrationClasses.files(Set.of("org.x.db.Fix"), List.copyOf(sources.keySet()),
                p -> Optional.of(new SourceFile(p, sources.get(p))));
        assertEquals(Set.of(Path.of("src/main/java/org/x/db/Fix.java"), Path.of("src/main/java/org/x/util/Base.java"),
                Path.of("src/main/java/org/x/util/Root.java")), files, "the application's own subclass stays code");
    }
}
