package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code lifeguard:ignore} or {@code lifeguard:ignore-file} comment.
 *
 * @param span     the comment
 * @param fileWide whether it is {@code lifeguard:ignore-file}
 * @param ruleIds  the rule ids it names, as written
 * @param reason   the reason given, empty when none
 */
public record SuppressionDirective(SourceSpan span, boolean fileWide, List<String> ruleIds, String reason) {
    private static final Pattern IDS = Pattern.compile("[A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*");

    public SuppressionDirective {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean hasReason() {
        return !reason.isEmpty();
    }

    /** The directive a comment body holds, or null when the comment is not a suppression. */
    static SuppressionDirective parse(String body, SourceSpan span) {
        String s = body.strip();
        boolean fileWide;
        String rest;
        if (startsWithWord(s, Suppressions.IGNORE_FILE)) {
            fileWide = true;
            rest = s.substring(Suppressions.IGNORE_FILE.length());
        } else if (startsWithWord(s, Suppressions.IGNORE)) {
            fileWide = false;
            rest = s.substring(Suppressions.IGNORE.length());
        } else {
            return null;
        }
        rest = rest.strip();
        Matcher m = IDS.matcher(rest);
        List<String> ids = List.of();
        if (m.lookingAt()) {
            ids = List.of(m.group().split("\\s*" + Suppressions.ID_SEPARATOR + "\\s*"));
            rest = rest.substring(m.end());
        }
        // "-- lifeguard:ignore drop-column -- reason" and "...: reason" read as the reason alone
        String reason = rest.replaceFirst("^[\\s:\\u2013\\u2014-]+", "").strip();
        return new SuppressionDirective(span, fileWide, ids, reason);
    }

    private static boolean startsWithWord(String s, String word) {
        return s.startsWith(word) && (s.length() == word.length() || Character.isWhitespace(s.charAt(word.length())));
    }
}
