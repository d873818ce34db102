package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.engine.DeployOrder;
import dev.lifeguard.rules.engine.StartAfter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads lifeguard.yml from SnakeYAML's node tree, which keeps the line of every key, so that a mistake is
 * reported where it is: {@code lifeguard.yml:7: unknown key 'rulez'}. The grammar is small on purpose:
 *
 * <pre>
 * dialect: mysql                 # postgresql, mysql, mariadb, oracle, sqlserver, h2, generic
 * target-version: "8.0"          # or mysql:8.0; quote it, or YAML reads 8.0 as a number
 * migrations: [db/migration]     # what `lifeguard lint` with no PATH lints (one path or a list)
 * code: [src/main/java]          # application code, for rules that look for references
 * exclude: ["db/migration/legacy/**"]
 * start-after: "41"              # a version, or a date 2024-01-31 (since: is the same key)
 * deploy: migrations-at-startup  # or migrations-first, or separate (code and migrations in either order)
 * lock-timeout: 5s               # the deployment sets lock_timeout for every migration (connection, runner)
 * docs-url: https://wiki.example.com/lifeguard/rules/   # where findings link rule pages
 * liquibase:
 *   contexts: prod               # as liquibase --contexts (default: every changeSet)
 *   label-filter: "!experimental" # as liquibase --label-filter
 * rules:
 *   drop-column: off             # off | on | error | warning | note
 *   missing-reverse: {severity: note}
 *   table-rewrite: {enabled: false}
 * </pre>
 */
public final class ConfigFileReader {
    private static final Set<String> KEYS = Set.of("dialect", "target-version", "migrations", "code", "exclude",
            "start-after", "since", "rules", "lock-timeout", "docs-url", "liquibase", "deploy");

    private final Set<String> ruleIds;
    private String name;

    /** @param ruleIds the ids of the rules that exist: any other id under {@code rules:} is an error */
    public ConfigFileReader(Set<String> ruleIds) {
        this.ruleIds = ruleIds;
    }

    /**
     * @param file        the file, for {@link ProjectConfig#file()}
     * @param displayName how messages name it ({@code lifeguard.yml}, {@code config/lifeguard.yml})
     */
    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        return m.isEmpty() ? "unreadable" : m;
    }

    public ProjectConfig read(Path file, String displayName, String text) throws ConfigException {
        this.name = displayName;
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw error(mark, "not valid YAML: " + firstLine(e.getProblem()));
        } catch (RuntimeException e) { // SnakeYAML's YAMLException, and what a tag's bad escape throws
            throw new ConfigException(displayName, 0, "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return new ProjectConfig(file, null, null, List.of(), List.of(), Map.of(), Set.of(), List.of(), null);
        }
        if (!(root instanceof MappingNode top)) {
            throw error(root, "expected keys such as dialect: or rules:");
        }
        Dialect dialect = null;
        String target = null;
        List<String> migrations = List.of();
        List<String> code = List.of();
        List<String> exclude = List.of();
        StartAfter startAfter = null;
        DeployOrder deploy = null;
        String docsUrl = null;
        String lockTimeout = null;
        String[] liquibase = new String[2];
        Map<String, Severity> severities = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (!KEYS.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' (known: dialect, target-version, migrations,"
                        + " code, exclude, start-after, rules, lock-timeout, docs-url, liquibase, deploy)");
            }
            String canonical = key.equals("since") ? "start-after" : key;
            if (!seen.add(canonical)) {
                throw error(t.getKeyNode(), "'" + key + "' is set twice");
            }
            Node value = t.getValueNode();
            switch (canonical) {
                case "dialect" -> {
                    String d = scalar(value, "a dialect");
                    dialect = Dialect.parse(d).orElseThrow(() -> error(value, "unknown dialect '" + d
                            + "' (postgresql, mysql, mariadb, oracle, sqlserver, h2 or generic)"));
                }
                case "target-version" -> {
                    target = scalar(value, "a version");
                    if (TargetVersion.parse(target, Dialect.POSTGRESQL).isEmpty()) {
                        throw error(value, "not a version: '" + target + "' (write 14, postgresql:14 or mysql:8.0;"
                                + " quote it: \"8.0\")");
                    }
                }
                case "migrations" -> migrations = strings(value, "a path or a list of paths");
                case "code" -> code = strings(value, "a directory or a list of directories");
                case "exclude" -> exclude = strings(value, "a glob or a list of globs");
                case "start-after" -> {
                    String s = scalar(value, "a version or a date");
                    startAfter = StartAfter.parse(s).orElseThrow(() -> error(value, "not a version or a date: '" + s
                            + "' (write \"41\", \"2.3.1\" or 2024-01-31)"));
                }
                case "deploy" -> {
                    String d = scalar(value, "a deploy order");
                    deploy = DeployOrder.parse(d).orElseThrow(() -> error(value, "unknown deploy order '" + d
                            + "' (migrations-at-startup, migrations-first or separate)"));
                }
                case "docs-url" -> {
                    docsUrl = scalar(value, "a web address");
                    if (!docsUrl.matches("(?i)(https?|file)://\\S+")) {
                        throw error(value, "docs-url: expected an http(s):// or file:// address, not '" + docsUrl + "'");
                    }
                }
                case "lock-timeout" -> {
                    lockTimeout = scalar(value, "the lock_timeout the deployment sets, such as 5s");
                    if (!lockTimeout.matches("(?i)\\d+\\s*(ms|s|min|h)?")) {
                        throw error(value, "lock-timeout: expected a duration such as 5s or 2000ms, not '" + lockTimeout
                                + "'");
                    }
                    if (lockTimeout.matches("0+\\s*\\D*")) {
                        throw error(value, "lock-timeout: 0 means no timeout; leave the key out instead");
                    }
                }
                case "liquibase" -> liquibase(value, liquibase);
                default -> rules(value, severities, disabled);
            }
        }
        return new ProjectConfig(file, dialect, target, migrations, code, severities, disabled, exclude, startAfter,
                docsUrl, lockTimeout, liquibase[0], liquibase[1], deploy);
    }

    /** {@code liquibase: {contexts: ..., label-filter: ...}}: which changeSets an update runs. */
    private void liquibase(Node value, String[] into) throws ConfigException {
        if (!(value instanceof MappingNode map)) {
            throw error(value, "liquibase: expects contexts: and label-filter:, such as contexts: prod");
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), "contexts or label-filter");
            switch (key) {
                case "contexts" -> into[0] = listOrScalar(t.getValueNode(), "contexts, such as prod or [prod, eu]");
                case "label-filter" -> into[1] = scalar(t.getValueNode(), "a label expression, such as \"v2 and !beta\"");
                default -> throw error(t.getKeyNode(), "unknown key '" + key + "' under liquibase: (contexts, label-filter)");
            }
        }
    }

    /** A YAML list is joined with commas, as Liquibase's --contexts takes it. */
    private String listOrScalar(Node node, String what) throws ConfigException {
        return String.join(",", strings(node, what));
    }

    private void rules(Node value, Map<String, Severity> severities, Set<String> disabled) throws ConfigException {
        if (!(value instanceof MappingNode rules)) {
            throw error(value, "rules: expects one line per rule id, such as drop-column: off");
        }
        for (NodeTuple t : rules.getValue()) {
            String id = scalar(t.getKeyNode(), "a rule id");
            if (!ruleIds.contains(id)) {
                throw error(t.getKeyNode(), "unknown rule id '" + id + "' (lifeguard rules lists them)");
            }
            Node setting = t.getValueNode();
            if (setting instanceof MappingNode map) {
                for (NodeTuple s : map.getValue()) {
                    String key = scalar(s.getKeyNode(), "severity or enabled");
                    switch (key) {
                        case "severity" -> severities.put(id, severity(s.getValueNode()));
                        case "enabled" -> {
                            if (!bool(s.getValueNode())) {
                                disabled.add(id);
                            }
                        }
                        default -> throw error(s.getKeyNode(), "unknown key '" + key + "' for rule " + id
                                + " (severity or enabled)");
                    }
                }
                continue;
            }
            String word = scalar(setting, "off, on, error, warning or note").toLowerCase(Locale.ROOT);
            switch (word) {
                case "off", "false" -> disabled.add(id);
                case "on", "true" -> {
                }
                default -> severities.put(id, severity(setting));
            }
        }
    }

    private Severity severity(Node node) throws ConfigException {
        String s = scalar(node, "error, warning or note");
        for (Severity severity : Severity.values()) {
            if (severity.id().equals(s.toLowerCase(Locale.ROOT))) {
                return severity;
            }
        }
        throw error(node, "unknown severity '" + s + "' (off, on, error, warning or note)");
    }

    private boolean bool(Node node) throws ConfigException {
        String s = scalar(node, "true or false").toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw error(node, "expected true or false, not '" + s + "'");
        };
    }

    private List<String> strings(Node node, String what) throws ConfigException {
        if (node instanceof ScalarNode) {
            return List.of(scalar(node, what));
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, "expected " + what);
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            out.add(scalar(item, what));
        }
        return out;
    }

    private String scalar(Node node, String what) throws ConfigException {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, "expected " + what);
        }
        return s.getValue().trim();
    }

    private ConfigException error(Node node, String message) {
        return error(node.getStartMark(), message);
    }

    private ConfigException error(Mark mark, String message) {
        return new ConfigException(name, mark == null ? 0 : mark.getLine() + 1, message);
    }
}
