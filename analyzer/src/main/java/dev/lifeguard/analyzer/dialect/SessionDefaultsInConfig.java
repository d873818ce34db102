package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.SessionDefault;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session settings the deployment applies to every migration, read from the configuration files
 * ({@link ConfigFiles}), line by line so that each is reported where it is:
 * <ul>
 *   <li>SQL run on each new connection: Flyway's {@code flyway.initSql} ({@code initSql} in flyway.toml),
 *       Spring's {@code spring.flyway.init-sqls} (one value, a list, or {@code init-sqls[0]}), a connection
 *       pool's {@code connection-init-sql} (HikariCP) — a {@code SET name = value} (or {@code TO}) in it;</li>
 *   <li>a PostgreSQL JDBC URL's {@code options=-c name=value}, written plain or URL-encoded
 *       ({@code -c%20lock_timeout%3D5s}, {@code -c+lock_timeout=5s}).</li>
 * </ul>
 * Commented-out lines do not count.
 */
public final class SessionDefaultsInConfig {
    private static final Pattern INIT_SQL_KEY = Pattern.compile(
            "(?i)(?:^|[.\\s])(init-?sqls?|init_sql|initsql|connection-?init-?sql|connectioninitsql)(\\[\\d+])?\\s*[:=]");
    private static final Pattern SET = Pattern.compile(
            "(?i)\\bSET\\s+(?:SESSION\\s+)?([a-z_]+)\\s*(?:=|\\bTO\\b)\\s*('[^']*'|\"[^\"]*\"|[^\\s;'\",]+)");
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:(?:tc:)?postgresql:[^\\s\"'<>]+");
    private static final Pattern URL_OPTION = Pattern.compile("-c\\s*([a-z_]+)\\s*=\\s*([^\\s&\"']+)");

    private SessionDefaultsInConfig() {
    }

    /** The settings found, in file walk order then line order. */
    public static List<SessionDefault> find(Path root, Predicate<Path> excluded) {
        List<SessionDefault> found = new ArrayList<>();
        ConfigFiles.forEach(root, excluded, (file, relative) -> {
            try {
                // through the one bounded reader, strict UTF-8 as before (a file that is not is skipped)
                found.addAll(scan(relative, StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(SourceReader.bytes(file, ConfigFiles.MAX_FILE_SIZE))).toString()));
            } catch (IOException | RuntimeException e) {
                // an unreadable configuration file tells nothing
            }
        });
        return found;
    }

    /** The settings one configuration file sets. */
    static List<SessionDefault> scan(Path file, String text) {
        List<SessionDefault> found = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        int listKeyIndent = -1; // a YAML key such as init-sqls: whose list items follow, and its name
        String listKey = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int indent = line.indexOf(t.charAt(0));
            boolean listItem = t.startsWith("- ");
            if (listKeyIndent >= 0 && !(listItem && indent >= listKeyIndent)) {
                listKeyIndent = -1;
            }
            Matcher key = INIT_SQL_KEY.matcher(t);
            boolean keyHere = key.find();
            if (keyHere && t.substring(key.end()).strip().isEmpty()) {
                listKeyIndent = indent;
                listKey = key.group(1);
                continue;
            }
            if (keyHere || listKeyIndent >= 0) {
                Matcher set = SET.matcher(t);
                while (set.find()) {
                    found.add(new SessionDefault(set.group(1).toLowerCase(Locale.ROOT), set.group(2),
                            SourceSpan.ofLine(file, i + 1), initSqlName(keyHere ? key.group(1) : listKey)));
                }
            }
            Matcher url = JDBC_POSTGRES.matcher(t);
            if (url.find()) {
                int options = t.indexOf("options=", url.start());
                if (options < 0) {
                    continue;
                }
                Matcher option = URL_OPTION.matcher(decode(t.substring(options + "options=".length())));
                while (option.find()) {
                    found.add(new SessionDefault(option.group(1).toLowerCase(Locale.ROOT), option.group(2),
                            SourceSpan.ofLine(file, i + 1), "the JDBC URL's options=-c " + option.group(1)));
                }
            }
        }
        return found;
    }

    private static String initSqlName(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return k.startsWith("connection") ? "the connection pool's init SQL (" + key + ")" : "Flyway's initSql (" + key + ")";
    }

    /** A URL as the driver reads it: %XX escapes and '+' as a space. */
    private static String decode(String url) {
        try {
            return URLDecoder.decode(url.replace("%20", " "), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url.replace("%20", " ").replace("%3D", "=").replace("%3d", "=").replace('+', ' ');
        }
    }
}
