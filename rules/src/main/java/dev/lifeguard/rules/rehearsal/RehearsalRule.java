package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.rules.RuleMetadata;

/**
 * A finding kind of {@code lifeguard verify}: the metadata (a {@link dev.lifeguard.rules.RuleInfo}) and docs
 * of a hazard observed by rehearsing the change on a real database. Lint never reports these: they are
 * measured, not read from the text. They live here, beside the lint rules, so that lifeguard.yml,
 * suppression comments, {@code lifeguard explain} and the generated docs know their ids without loading
 * anything of the verify module.
 */
public interface RehearsalRule {

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
