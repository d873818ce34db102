package dev.lifeguard.cli.init;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lifeguard's entry in a repository's {@code .pre-commit-config.yaml}: the whole file for a repository
 * without one, else the file with the entry added at the end of its {@code repos:} list, in that list's
 * indentation, and the rest of the file, comments included, untouched. The README shows {@link #NEW_FILE}.
 * <p>
 * The entry is a {@code repo: local} hook that runs the {@code lifeguard} command on the PATH (the installed
 * release): it resolves as written, with no repository URL or rev to fill in and no Maven on the machine. It
 * is the {@code lifeguard-system} hook of Lifeguard's {@code .pre-commit-hooks.yaml}, spelled out: it fails the
 * commit on errors and shows warnings without failing it ({@code verbose}: pre-commit hides a passing hook's
 * output otherwise).
 */
public final class PreCommitConfig {
    public static final String HOOK_ID = "lifeguard";
    /** The command the hook runs. */
    public static final String ENTRY = "lifeguard lint --staged --fail-on error";
    /** Which staged files make the hook run: SQL, and changelogs by their directory or name. */
    public static final String FILES = "(?i)(\\.sql$|(^|/)(db|migrations?|changelogs?|liquibase)/.*\\.(xml|ya?ml|json)$"
            + "|changelog[^/]*\\.(xml|ya?ml|json)$)";

    /** The file for a repository that has none (also the README's snippet). */
    public static final String NEW_FILE = "repos:\n" + entry("  ");

    private static final Pattern REPOS_KEY = Pattern.compile("(?m)^repos:[ \\t]*(#.*)?$");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^[A-Za-z_][\\w-]*:");
    private static final Pattern ITEM = Pattern.compile("(?m)^([ \\t]*)- ");

    private PreCommitConfig() {
    }

    private static String entry(String indent) {
        String in = indent + "  ";
        String hook = in + "    ";
        return indent + "- repo: local\n"
                + in + "hooks:\n"
                + in + "  - id: " + HOOK_ID + "\n"
                + hook + "name: lifeguard (migration safety)\n"
                + hook + "# the lifeguard command on the PATH: fails the commit on errors, shows warnings\n"
                + hook + "entry: " + ENTRY + "\n"
                + hook + "language: system\n"
                + hook + "pass_filenames: false\n"
                + hook + "verbose: true\n"
                + hook + "require_serial: true\n"
                + hook + "files: '" + FILES + "'\n";
    }

    /** Whether the file already runs Lifeguard's hook. */
    public static boolean hasLifeguard(String existing) {
        return hookIds(existing).map(ids -> ids.contains(HOOK_ID) || ids.contains(HOOK_ID + "-system")).orElse(false);
    }

    /**
     * The existing file with Lifeguard's entry added, or empty when it cannot be added safely (no
     * {@code repos:} list found, or the result would not read back with the entry): the caller then shows the
     * entry rather than risk the file.
     */
    public static Optional<String> withLifeguard(String existing) {
        Matcher repos = REPOS_KEY.matcher(existing);
        if (!repos.find()) {
            return Optional.empty();
        }
        int listStart = repos.end();
        Matcher next = TOP_LEVEL_KEY.matcher(existing);
        int listEnd = next.find(listStart) ? next.start() : existing.length();
        String list = existing.substring(listStart, listEnd);
        Matcher item = ITEM.matcher(list);
        String indent = item.find() ? item.group(1) : "  ";
        // After the list's last non-blank line, so comments and blank lines before the next key stay with it.
        String body = list.stripTrailing();
        String tail = list.substring(body.length());
        String updated = existing.substring(0, listStart) + body + "\n" + entry(indent)
                + (tail.contains("\n") ? tail.substring(tail.indexOf('\n') + 1) : tail) + existing.substring(listEnd);
        return hasLifeguard(updated) && hookIds(updated).orElse(List.of()).size() == hookIds(existing).orElse(List.of()).size() + 1
                ? Optional.of(updated) : Optional.empty();
    }

    /** The hook ids the file lists, or empty when it is not a readable pre-commit configuration. */
    @SuppressWarnings("unchecked")
    private static Optional<List<String>> hookIds(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("repos") instanceof List<?> repos)) {
            return root == null ? Optional.of(List.of()) : Optional.empty();
        }
        return Optional.of(repos.stream()
                .filter(Map.class::isInstance)
                .flatMap(r -> ((Map<String, Object>) r).get("hooks") instanceof List<?> hooks ? hooks.stream() : Stream.empty())
                .filter(Map.class::isInstance)
                .map(h -> String.valueOf(((Map<String, Object>) h).get("id")))
                .toList());
    }
}
