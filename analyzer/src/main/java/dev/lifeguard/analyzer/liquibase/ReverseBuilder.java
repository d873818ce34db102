package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.ChangeSite;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.RollbackSite;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.change.Change;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;

import java.util.ArrayList;
import java.util.List;

/**
 * How a changeSet is undone: its explicit rollback (parsed), an explicit empty rollback (irreversible on
 * purpose), Liquibase's automatic rollback when every change supports one, or nothing.
 */
final class ReverseBuilder {
    private final LoadContext ctx;
    private final ChangeTranslator translator;

    ReverseBuilder(LoadContext ctx, ChangeTranslator translator) {
        this.ctx = ctx;
        this.translator = translator;
    }

    /**
     * @param opaque the changeSet holds a change Liquibase never saw (unknown type, customChange), so its
     *               automatic rollback cannot be vouched for
     */
    Reverse reverse(ChangeSet cs, SourceFile file, List<RollbackSite> sites, boolean opaque) {
        if (!sites.isEmpty()) {
            SourceSpan span = cover(file, sites);
            if (sites.stream().allMatch(RollbackSite::blank)) {
                return new Reverse(Reverse.Kind.IRREVERSIBLE_ON_PURPOSE, span, List.of());
            }
            return new Reverse(Reverse.Kind.ROLLBACK_BLOCK, span, operations(cs, file, sites, span));
        }
        return automatic(cs.getChanges(), opaque) ? Reverse.automatic() : Reverse.none();
    }

    static boolean automatic(List<Change> changes, boolean opaque) {
        if (opaque) {
            return false;
        }
        for (Change c : changes) {
            try {
                if (!c.supportsRollback(null)) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private List<Operation> operations(ChangeSet cs, SourceFile file, List<RollbackSite> sites, SourceSpan span) {
        List<Change> changes = new ArrayList<>();
        for (Change c : cs.getRollback().getChanges()) {
            if (!(c instanceof EmptyChange)) {
                changes.add(c);
            }
        }
        List<Operation> ops = new ArrayList<>();
        if (sites.size() == 1) {
            RollbackSite site = sites.get(0);
            if (site.text() != null && changes.stream().allMatch(c -> c instanceof RawSQLChange)) {
                // text rollback: Liquibase split it into statements; read it in place as one piece
                StringBuilder sql = new StringBuilder();
                for (Change c : changes) {
                    sql.append(((RawSQLChange) c).getSql()).append(";\n");
                }
                String executed = changes.size() == 1 ? ((RawSQLChange) changes.get(0)).getSql() : sql.toString();
                return SqlText.parse(ctx.sql, file, site.text(), executed, null, site.span());
            }
            List<ChangeSite> placed = site.changes().stream().filter(s -> !s.withheld()).toList();
            if (placed.size() == changes.size()) {
                for (int i = 0; i < changes.size(); i++) {
                    ChangeSite s = placed.get(i);
                    ops.addAll(translator.translate(changes.get(i), file, s.span(), s.sql()));
                }
                return ops;
            }
        }
        for (Change c : changes) {
            ops.addAll(translator.translate(c, file, span, null));
        }
        return ops;
    }

    private static SourceSpan cover(SourceFile file, List<RollbackSite> sites) {
        SourceSpan first = sites.get(0).span();
        SourceSpan last = sites.get(sites.size() - 1).span();
        return file.span(first.startOffset(), last.endOffset());
    }
}
