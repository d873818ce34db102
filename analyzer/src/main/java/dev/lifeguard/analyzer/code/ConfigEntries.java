package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The key/value entries of a Spring-style configuration file, each with the offsets of its key: a
 * {@code .properties} file (and Flyway's {@code flyway.conf}, the same format) line by line, a YAML file with nested keys joined by dots (several documents,
 * comments and quoted scalars understood; lists are not configuration the code index needs).
 */
public final class ConfigEntries {

    /** {@code key} is the full dotted key; {@code keyStart}/{@code keyEnd} locate its last segment as written. */
    public record Entry(String key, String value, int keyStart, int keyEnd) {
    }

    private ConfigEntries() {
    }

    public static List<Entry> read(SourceFile file) {
        String name = file.path().getFileName().toString();
        return name.endsWith(".properties") || name.endsWith(".conf") ? properties(file) : yaml(file);
    }

    private static List<Entry> properties(SourceFile file) {
        List<Entry> out = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line);
            int start = 0;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start >= text.length() || text.charAt(start) == '#' || text.charAt(start) == '!') {
                continue;
            }
            int sep = start;
            while (sep < text.length() && text.charAt(sep) != '=' && text.charAt(sep) != ':'
                    && !Character.isWhitespace(text.charAt(sep))) {
                sep++;
            }
            String key = text.substring(start, sep);
            String rest = text.substring(sep).replaceFirst("^\\s*[=:]?\\s*", "");
            int offset = file.offsetOf(line, 1);
            out.add(new Entry(key, rest.trim(), offset + start, offset + sep));
        }
        return out;
    }

    private static List<Entry> yaml(SourceFile file) {
        List<Entry> out = new ArrayList<>();
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line);
            String trimmed = text.strip();
            if (trimmed.startsWith("---") || trimmed.startsWith("...")) {
                indents.clear();
                keys.clear();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("-")) {
                continue;
            }
            int indent = text.indexOf(trimmed.charAt(0));
            int colon = keyEnd(trimmed);
            if (colon < 0) {
                continue;
            }
            String key = unquote(trimmed.substring(0, colon).trim());
            String value = stripComment(trimmed.substring(colon + 1)).trim();
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            String full = keys.isEmpty() ? key : String.join(".", keys) + "." + key;
            int offset = file.offsetOf(line, 1) + indent;
            if (value.isEmpty() || value.startsWith("|") || value.startsWith(">")) {
                indents.add(new int[]{indent});
                keys.add(key);
                if (value.isEmpty()) {
                    continue;
                }
            }
            out.add(new Entry(full, unquote(value), offset, offset + colon));
        }
        return out;
    }

    /** The colon ending a mapping key ({@code key: value} or {@code key:}), outside quotes; -1 if none. */
    private static int keyEnd(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                return i;
            }
        }
        return -1;
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return value.trim().startsWith("\"") || value.trim().startsWith("'") || hash < 0 ? value : value.substring(0, hash);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
