package dev.lifeguard.rules.docs;

import dev.lifeguard.rules.RuleMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated docs/rules directory: one page per rule and a README index. {@link #stale} compares it
 * with what is on disk, {@link #write} brings it up to date.
 */
public final class DocsSite {
    /** The root README's rule table sits between these two lines. */
    static final String TABLE_START = "<!-- rules-table:start (generated from the rules' @RuleInfo) -->";
    static final String TABLE_END = "<!-- rules-table:end -->";

    private final Map<Path, String> pages = new LinkedHashMap<>();
    private final String readmeTable;

    public DocsSite(List<RuleMetadata> rules) {
        StringBuilder index = new StringBuilder("<!-- Generated from the rules' @RuleInfo. Do not edit: run `"
                + RuleDocs.REGENERATE + "`. -->\n\n# Lifeguard rules\n\n"
                + "Each rule id is stable: it is the SARIF `ruleId`, the suppression key"
                + " (`-- lifeguard:ignore <id> reason`) and the name of its page here.\n\n"
                + "| id | severity | dialects | summary |\n|---|---|---|---|\n");
        for (RuleMetadata rule : rules) {
            pages.put(Path.of(rule.id() + ".md"), RuleDocs.markdown(rule));
            index.append("| [").append(rule.id()).append("](").append(rule.id()).append(".md) | ")
                    .append(rule.severity().id()).append(" | ").append(RuleDocs.dialects(rule)).append(" | ")
                    .append(rule.summary()).append(" |\n");
        }
        pages.put(Path.of("README.md"), index.toString());
        StringBuilder table = new StringBuilder("| id | default | flags |\n|---|---|---|\n");
        for (RuleMetadata rule : rules) {
            table.append("| `").append(rule.id()).append("` | ").append(rule.severity().id()).append(" | ")
                    .append(rule.summary()).append(" |\n");
        }
        this.readmeTable = table.toString();
    }

    /**
     * The project README with its rule table (between {@link #TABLE_START} and {@link #TABLE_END}) brought
     * up to date; the README unchanged when it has no such markers.
     */
    public String readmeWithTable(String readme) {
        int start = readme.indexOf(TABLE_START);
        int end = readme.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no rule table markers (" + TABLE_START + " ... " + TABLE_END + ")");
        }
        return readme.substring(0, start + TABLE_START.length()) + "\n" + readmeTable + readme.substring(end);
    }

    /** Page contents by path relative to docs/rules. */
    public Map<Path, String> pages() {
        return pages;
    }

    /** Files under {@code dir} that are missing, differ, or are left over from a rule that no longer exists. */
    public List<Path> stale(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey());
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
                out.add(page.getKey());
            }
        }
        out.addAll(leftovers(dir));
        return out;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path leftover : leftovers(dir)) {
            Files.delete(dir.resolve(leftover));
        }
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    private List<Path> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(dir::relativize).filter(p -> p.toString().endsWith(".md") && !pages.containsKey(p)).toList();
        }
    }
}
