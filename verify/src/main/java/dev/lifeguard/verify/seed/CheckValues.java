package dev.lifeguard.verify.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a simple CHECK constraint lists for one column, as PostgreSQL prints it back
 * ({@code (status = ANY (ARRAY['new'::text, 'paid'::text]))}, {@code ((kind)::text = 'a'::text)}): the seeder uses
 * them instead of inventing values the CHECK would reject.
 */
final class CheckValues {
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'(?:::[a-z ]+(?:\\(\\d+\\))?)?");

    private CheckValues() {
    }

    static List<String> listed(String column, List<String> checks) {
        for (String check : checks) {
            if (check == null) {
                continue;
            }
            String c = check.replaceAll("\\s+", " ");
            String col = "(?:\\(?\\(?" + Pattern.quote(column) + "\\)?(?:::[a-z ]+)?\\)?|\\(?\\(?\"" + Pattern.quote(column)
                    + "\"\\)?(?:::[a-z ]+)?\\)?)";
            Matcher any = Pattern.compile(col + " = ANY \\(\\(?ARRAY\\[(.*?)\\]").matcher(c);
            if (any.find()) {
                return literals(any.group(1));
            }
            Matcher eq = Pattern.compile(col + " = ('(?:[^']|'')*')").matcher(c);
            if (eq.find() && !c.contains(" OR ")) {
                return literals(eq.group(1));
            }
        }
        return List.of();
    }

    private static List<String> literals(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            out.add("'" + m.group(1) + "'");
        }
        return out;
    }
}
