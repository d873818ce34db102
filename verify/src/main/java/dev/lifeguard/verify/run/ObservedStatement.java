package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.verify.postgres.Observation;

/**
 * One statement of a rehearsed migration and what it did.
 *
 * @param span          where it is written
 * @param sql           the text the runner sent
 * @param inTransaction whether it ran inside a transaction held open after it
 * @param observation   what was measured
 */
public record ObservedStatement(SourceSpan span, String sql, boolean inTransaction, Observation observation) {
}
