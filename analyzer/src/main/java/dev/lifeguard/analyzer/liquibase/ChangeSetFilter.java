package dev.lifeguard.analyzer.liquibase;

import liquibase.ContextExpression;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Labels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The changeSets an update runs with {@code --contexts} and {@code --label-filter} (lifeguard.yml's
 * {@code liquibase: contexts:} and {@code label-filter:}), decided with Liquibase's own expression classes
 * the way its {@code ContextChangeSetFilter} and {@code LabelChangeSetFilter} decide: a changeSet's context
 * expression ({@code !}, {@code and}, {@code or}, parentheses, commas) must match the contexts given, and so
 * must every expression it inherits (its changelog's {@code context}, each include's {@code context}); the
 * label filter expression must match the changeSet's labels with those of the includes that reached it.
 * Nothing given: every changeSet runs, as Liquibase runs them without {@code --contexts}.
 */
final class ChangeSetFilter {
    static final ChangeSetFilter ALL = new ChangeSetFilter(null, null);

    private final String contexts;
    private final String labelFilter;

    /** @param contexts the contexts given (comma-separated), null for none; labelFilter likewise */
    ChangeSetFilter(String contexts, String labelFilter) {
        this.contexts = blankToNull(contexts);
        this.labelFilter = blankToNull(labelFilter);
    }

    /**
     * @param inherited the context expressions the changeSet inherits (changelog and include contexts)
     * @param own       the changeSet's own context expression, null when it has none
     * @param labels    the changeSet's labels with the inherited ones
     */
    boolean accepts(List<String> inherited, String own, Collection<String> labels) {
        return contextsMatch(inherited, own) && labelsMatch(labels);
    }

    private boolean contextsMatch(List<String> inherited, String own) {
        if (contexts == null) {
            return true;
        }
        Contexts given = new Contexts(contexts);
        List<ContextExpression> inheritable = new ArrayList<>();
        StringBuilder full = new StringBuilder();
        for (String e : inherited) {
            if (e != null && !e.isBlank()) {
                inheritable.add(new ContextExpression(e));
                append(full, e);
            }
        }
        ContextExpression changeSet = new ContextExpression(own == null ? "" : own);
        if (own != null && !own.isBlank()) {
            append(full, own);
        }
        // as ContextChangeSetFilter: logic may sit on either side (the expression given, or the changeSet's)
        ContextExpression provided = new ContextExpression(given.getContexts());
        boolean matches = (full.length() > 0 && provided.matches(new Contexts(full.toString())))
                || changeSet.matches(given);
        return matches && ContextExpression.matchesAll(inheritable, given);
    }

    /** ChangeSet.buildFullContext: the expressions AND-ed, a complex one in parentheses. */
    private static void append(StringBuilder full, String expression) {
        if (full.length() > 0) {
            full.append(" AND ");
        }
        boolean complex = expression.contains(",") || expression.contains(" ");
        full.append(complex ? "(" + expression + ")" : expression);
    }

    private boolean labelsMatch(Collection<String> labels) {
        if (labelFilter == null) {
            return true;
        }
        return new LabelExpression(labelFilter).matches(new Labels(String.join(",", labels)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
