package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions the migrations themselves create as IMMUTABLE or STABLE. PostgreSQL makes a function
 * VOLATILE unless told otherwise, so a column default calling a function Lifeguard does not know rewrites
 * the table, except when the history shows the function declared otherwise.
 */
final class DeclaredFunctions {
    private static final Pattern CREATE_FUNCTION = Pattern.compile(
            "^\\s*create\\s+(?:or\\s+replace\\s+)?function\\s+(?:(?:\"[^\"]+\"|[\\w$]+)\\.)?(\"[^\"]+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONCE = Pattern.compile("\\b(immutable|stable)\\b", Pattern.CASE_INSENSITIVE);

    private DeclaredFunctions() {
    }

    /**
     * Lower-case, unqualified names of the functions created IMMUTABLE or STABLE up to this migration, replayed
     * once per history (see {@link HistoryReplay}).
     */
    static final class Replay extends HistoryReplay<Set<String>> {
        Set<String> evaluatedOnce(MigrationContext ctx) {
            return Set.copyOf(upTo(ctx));
        }

        @Override
        protected Set<String> start() {
            return new HashSet<>();
        }

        @Override
        protected void apply(Set<String> names, Migration m, MigrationContext ctx) {
            for (Operation op : m.operations()) {
                if (op instanceof Operation.Other o && "CREATE FUNCTION".equals(o.kind())) {
                    Spans.text(o.span(), ctx.project()).ifPresent(text -> {
                        Matcher name = CREATE_FUNCTION.matcher(text);
                        // the body is quoted: a volatility keyword outside quotes is the declaration's
                        String outsideQuotes = text.replaceAll("(?s)\\$([\\w]*)\\$.*?\\$\\1\\$|'(?:[^']|'')*'", "''");
                        if (name.find() && ONCE.matcher(outsideQuotes).find()) {
                            names.add(name.group(1).replace("\"", "").toLowerCase(Locale.ROOT));
                        }
                    });
                }
            }
        }
    }
}
