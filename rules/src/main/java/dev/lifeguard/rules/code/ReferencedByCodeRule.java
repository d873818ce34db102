package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table or column the schema no longer has when the migration commits (its net effect: a name dropped or
 * renamed away and back again is not gone) while application code uses it. In a reviewed change the code
 * that matters first is the version running in production during the deploy (the base revision's, read
 * from git): it meets the new schema the moment the migration commits, even when the change removes its
 * use. The version being deployed is checked too: it runs against the new schema for good. A name a later
 * migration creates again is the one the working tree's code means: only the running version is judged on it.
 */
@RuleInfo(
        id = "referenced-by-code",
        summary = "A dropped or renamed table or column is still referenced by application code",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract", "code"},
        help = "Release code that no longer names it (entities, queries, mappers) first; drop or rename it in a later release")
public final class ReferencedByCodeRule implements Rule {

    /** A name the running application used that the schema no longer has after this migration. */
    private record Gone(TableName table, String column, String what, boolean renamed) {
    }

    /** A gone name and the code that still uses it, per version. */
    private record Used(Gone gone, List<CodeReference> running, List<CodeReference> deploying) {
    }

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.project().code().isEmpty() || ctx.netChanges().isEmpty()) {
            return;
        }
        // The index is asked for only here, for a name gone at commit: a run without one never builds it.
        List<Gone> gone = gone(ctx);
        if (gone.isEmpty()) {
            return;
        }
        CodeVersions versions = ctx.codeVersions();
        boolean two = versions.reviewed() && versions.deploying() != versions.running();
        List<Used> used = new ArrayList<>();
        for (Gone g : gone) {
            // A later migration that creates the name again gives the code written after it a table or column of
            // that name: the working tree's use (or the deployed version's) is of that one. Only the version
            // running in production, which meets the gap between the two, is evidence then.
            boolean later = createdAgainLater(ctx, g);
            List<CodeReference> running = later && !versions.reviewed() ? List.of()
                    : versions.running().referencesTo(g.table(), g.column());
            List<CodeReference> deploying = two && !later ? versions.deploying().referencesTo(g.table(), g.column()) : List.of();
            if (!running.isEmpty() || !deploying.isEmpty()) {
                used.add(new Used(g, running, deploying));
            }
        }
        if (!used.isEmpty()) {
            report(ctx, versions, used);
        }
    }

    private static List<Gone> gone(OperationContext ctx) {
        List<Gone> out = new ArrayList<>();
        for (NetChange c : ctx.netChanges()) {
            if (ctx.isNewTable(c.table())) {
                continue;
            }
            TableName t = c.table().name();
            String table = ctx.sql(t);
            if (c instanceof NetChange.TableDropped d && d.nameNow() == NetChange.NameNow.NOTHING) {
                out.add(new Gone(t, null, "table " + table + " is dropped", false));
            } else if (c instanceof NetChange.TableRenamed r && r.nameNow() == NetChange.NameNow.NOTHING) {
                out.add(new Gone(t, null, "table " + table + " is renamed to " + ctx.sql(r.to()), true));
            } else if (c instanceof NetChange.ColumnDropped d && d.nameNow() == NetChange.NameNow.NOTHING) {
                out.add(new Gone(t, d.column().name(), "column " + table + "." + ctx.sql(d.column().name()) + " is dropped",
                        false));
            } else if (c instanceof NetChange.ColumnRenamed r && r.nameNow() == NetChange.NameNow.NOTHING) {
                out.add(new Gone(t, r.column().name(), "column " + table + "." + ctx.sql(r.column().name())
                        + " is renamed to " + ctx.sql(r.to()), true));
            }
        }
        return out;
    }

    /** Whether a migration after this one in its history creates the gone name again (created, added or renamed to). */
    private static boolean createdAgainLater(OperationContext ctx, Gone g) {
        List<Migration> all = ctx.history().migrations();
        int at = 0;
        while (at < all.size() && all.get(at) != ctx.migration()) {
            at++;
        }
        for (int i = at + 1; i < all.size(); i++) {
            for (Operation op : all.get(i).operations()) {
                if (creates(op, g)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean creates(Operation op, Gone g) {
        if (op instanceof Operation.CreateTable c && c.table().matches(g.table())) {
            return g.column() == null || c.columns().stream().anyMatch(d -> g.column().equals(d.name()));
        } else if (op instanceof Operation.RenameTable r) {
            return g.column() == null && r.to().matches(g.table());
        } else if (op instanceof Operation.AddColumn a) {
            return g.column() != null && a.table().matches(g.table()) && g.column().equals(a.column().name());
        } else if (op instanceof Operation.RenameColumn r) {
            return g.column() != null && r.table().matches(g.table()) && g.column().equals(r.to());
        }
        return false;
    }

    private static void report(OperationContext ctx, CodeVersions versions, List<Used> used) {
        String what = used.stream().map(u -> u.gone().what()).collect(Collectors.joining(", "));
        String verb = used.stream().allMatch(u -> u.gone().renamed()) ? "rename" : "drop";
        String names = used.stream().map(u -> name(ctx, u.gone())).collect(Collectors.joining(", "));
        String it = used.size() == 1 ? "it" : "them";
        List<RelatedLocation> related = new ArrayList<>();
        String message;
        String help;
        List<Used> byRunning = used.stream().filter(u -> !u.running().isEmpty()).toList();
        if (!versions.reviewed()) {
            CodeReference first = byRunning.get(0).running().get(0);
            message = what + " but the application still uses " + it + ": " + uses(ctx, used, Used::running, false);
            help = "Remove " + names + " from the code first (" + first.kind().label() + " at " + first.file().getFileName()
                    + ":" + first.line() + "), release that, and " + verb + " " + it + " in a later release";
            used.forEach(u -> u.running().forEach(r -> related.add(new RelatedLocation(r.span(),
                    r.kind().label() + ": " + r.snippet()))));
        } else if (!byRunning.isEmpty()) {
            String at = versions.runningRevision().map(s -> " (at " + s + ")").orElse("");
            boolean stillDeployed = used.stream().anyMatch(u -> !u.deploying().isEmpty());
            message = what + " but the version running in production" + at + " " + uses(ctx, byRunning, Used::running, true)
                    + (stillDeployed ? "; the version being deployed still uses " + it + " too"
                       : "; it fails the moment the migration commits, while the deploy rolls out");
            help = stillDeployed
                    ? "Remove " + names + " from the code first, release that, and " + verb + " " + it + " in a later release"
                    : "Ship the code change that stops using " + names + " first, let it replace the running version"
                      + " everywhere, and " + verb + " " + it + " in a later release";
            used.forEach(u -> u.running().forEach(r -> related.add(new RelatedLocation(r.span(), "running version" + at
                    + ", " + r.kind().label() + ": " + r.snippet()))));
            used.forEach(u -> u.deploying().forEach(r -> related.add(new RelatedLocation(r.span(),
                    "version being deployed, " + r.kind().label() + ": " + r.snippet()))));
        } else {
            message = what + " but the version being deployed still " + uses(ctx, used, Used::deploying, true);
            CodeReference first = used.get(0).deploying().get(0);
            help = "Remove " + names + " from the code first (" + first.kind().label() + " at " + first.file().getFileName()
                    + ":" + first.line() + "), release that, and " + verb + " " + it + " in a later release";
            used.forEach(u -> u.deploying().forEach(r -> related.add(new RelatedLocation(r.span(),
                    "version being deployed, " + r.kind().label() + ": " + r.snippet()))));
        }
        ctx.report(ctx.operation().span(), message, help, null, related);
    }

    /** "maps users.fax: User.java:7 (JPA mapping) (and 2 more places)", per name, joined. */
    private static String uses(OperationContext ctx, List<Used> used,
                               java.util.function.Function<Used, List<CodeReference>> refs, boolean named) {
        return used.stream().filter(u -> !refs.apply(u).isEmpty()).map(u -> {
            List<CodeReference> r = refs.apply(u);
            CodeReference first = r.get(0);
            String verb = first.kind() == CodeReference.Kind.JPA_MAPPING ? "maps" : "uses";
            return (named ? verb + " " + name(ctx, u.gone()) + ": " : "") + first.file().toString().replace('\\', '/') + ":"
                    + first.line() + " (" + first.kind().label() + ")" + more(r.size());
        }).collect(Collectors.joining("; "));
    }

    private static String name(OperationContext ctx, Gone g) {
        return g.column() == null ? ctx.sql(g.table()) : ctx.sql(g.table(), g.column());
    }

    private static String more(int count) {
        return count > 1 ? " (and " + (count - 1) + " more place" + (count > 2 ? "s" : "") + ")" : "";
    }
}
