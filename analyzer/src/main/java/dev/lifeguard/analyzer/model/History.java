package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The migrations of one migration directory (or one Liquibase root changelog), in the order the tool
 * applies them. A repository with ten Flyway modules has ten histories.
 *
 * @param location  the directory or root changelog, relative to the project root
 * @param framework the layout detected
 * @param dialect   the dialect the history is linted for
 */
public record History(Path location, Framework framework, Dialect dialect, List<Migration> migrations) {

    public History {
        migrations = List.copyOf(migrations);
    }
}
