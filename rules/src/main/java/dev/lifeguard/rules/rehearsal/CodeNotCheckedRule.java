package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: SQL built at run time or written in JPQL cannot be PREPAREd without guessing. */
@RuleInfo(
        id = "code-not-checked",
        summary = "Statements of the application that cannot be prepared on their own were not checked against the schema",
        severity = Severity.NOTE,
        dialects = {Dialect.POSTGRESQL},
        tags = {"verify", "compatibility"},
        help = "Nothing to change; know that dynamic SQL and JPQL were not rehearsed (lint's referenced-by-code still reads their names)")
public final class CodeNotCheckedRule implements RehearsalRule {
}
