package dev.lifeguard.rules;

import dev.lifeguard.rules.change.CodeAndSchemaInOneChangeRule;
import dev.lifeguard.rules.change.EditedAppliedMigrationRule;
import dev.lifeguard.rules.code.AppManagedSchemaRule;
import dev.lifeguard.rules.code.CodeAheadOfSchemaRule;
import dev.lifeguard.rules.code.DropNotNullRule;
import dev.lifeguard.rules.code.ReferencedByCodeRule;
import dev.lifeguard.rules.compatibility.ColumnTypeChangeRule;
import dev.lifeguard.rules.compatibility.DropColumnRule;
import dev.lifeguard.rules.compatibility.DropReferencedKeyRule;
import dev.lifeguard.rules.compatibility.DropTableRule;
import dev.lifeguard.rules.compatibility.NotNullWithoutDefaultRule;
import dev.lifeguard.rules.compatibility.RenameColumnRule;
import dev.lifeguard.rules.compatibility.RenameTableRule;
import dev.lifeguard.rules.data.SchemaAndDataMixedRule;
import dev.lifeguard.rules.data.TruncateTableRule;
import dev.lifeguard.rules.data.UnboundedDmlRule;
import dev.lifeguard.rules.input.InvalidMigrationRule;
import dev.lifeguard.rules.input.NotCheckedRule;
import dev.lifeguard.rules.input.ParseErrorRule;
import dev.lifeguard.rules.integrity.DuplicateVersionRule;
import dev.lifeguard.rules.integrity.InlineReferencesIgnoredRule;
import dev.lifeguard.rules.locking.AddUniqueConstraintRule;
import dev.lifeguard.rules.locking.ConstraintWithoutNotValidRule;
import dev.lifeguard.rules.locking.ForeignKeyWithoutIndexRule;
import dev.lifeguard.rules.locking.MissingLockTimeoutRule;
import dev.lifeguard.rules.locking.NonConcurrentIndexRule;
import dev.lifeguard.rules.locking.SetNotNullRule;
import dev.lifeguard.rules.locking.TableRewriteRule;
import dev.lifeguard.rules.locking.UniqueOnExistingDataRule;
import dev.lifeguard.rules.reversibility.MissingReverseRule;
import dev.lifeguard.rules.reversibility.ReverseMissingObjectRule;
import dev.lifeguard.rules.suppress.SuppressionWithoutReasonRule;
import dev.lifeguard.rules.suppress.UnusedSuppressionRule;
import dev.lifeguard.rules.transactions.ConcurrentlyInTransactionRule;
import dev.lifeguard.rules.transactions.NonAtomicMigrationRule;

import java.util.List;

/** The built-in rules, sorted by id. A contract test checks this list against the rule classes. */
public final class BuiltinRules {
    private BuiltinRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new AddUniqueConstraintRule(),
                new AppManagedSchemaRule(),
                new CodeAheadOfSchemaRule(),
                new CodeAndSchemaInOneChangeRule(),
                new ColumnTypeChangeRule(),
                new ConcurrentlyInTransactionRule(),
                new ConstraintWithoutNotValidRule(),
                new DropColumnRule(),
                new DropNotNullRule(),
                new DropReferencedKeyRule(),
                new DropTableRule(),
                new DuplicateVersionRule(),
                new EditedAppliedMigrationRule(),
                new ForeignKeyWithoutIndexRule(),
                new InlineReferencesIgnoredRule(),
                new InvalidMigrationRule(),
                new MissingLockTimeoutRule(),
                new MissingReverseRule(),
                new NonAtomicMigrationRule(),
                new NonConcurrentIndexRule(),
                new NotCheckedRule(),
                new NotNullWithoutDefaultRule(),
                new ParseErrorRule(),
                new ReferencedByCodeRule(),
                new RenameColumnRule(),
                new RenameTableRule(),
                new ReverseMissingObjectRule(),
                new SchemaAndDataMixedRule(),
                new SetNotNullRule(),
                new SuppressionWithoutReasonRule(),
                new TableRewriteRule(),
                new TruncateTableRule(),
                new UnboundedDmlRule(),
                new UniqueOnExistingDataRule(),
                new UnusedSuppressionRule()
        );
    }
}
