package dev.lifeguard.analyzer.discovery;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A shell-style glob over root-relative paths with '/' separators: {@code *} and {@code ?} stay inside
 * one path segment, {@code **} crosses segments, {@code **}{@code /} also matches no directory at all
 * (so {@code db/**}{@code /*.sql} matches {@code db/V1__a.sql}, which {@code java.nio}'s glob does not),
 * {@code {a,b}} is an alternative and {@code [abc]} a character class.
 */
public final class Glob {
    private final String pattern;
    private final Pattern regex;

    public Glob(String pattern) {
        this.pattern = pattern.replace('\\', '/');
        this.regex = Pattern.compile(toRegex(this.pattern));
    }

    /** Whether the text uses any glob syntax (otherwise it names one file or directory). */
    public static boolean isGlob(String text) {
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    public boolean matches(Path relative) {
        return regex.matcher(slashed(relative)).matches();
    }

    /** The leading directories that contain no glob syntax: where a walk for this pattern starts. */
    public String literalPrefix() {
        int firstMeta = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                firstMeta = i;
                break;
            }
        }
        int slash = pattern.lastIndexOf('/', firstMeta);
        return slash < 0 ? "" : pattern.substring(0, slash);
    }

    public String pattern() {
        return pattern;
    }

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        out.append(slashFollows ? "(?:.*/)?" : ".*");
                        i += slashFollows ? 2 : 1;
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '{' -> {
                    braces++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        out.append(')');
                    } else {
                        out.append("\\}");
                    }
                }
                case ',' -> out.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        out.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        out.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
