package dev.lifeguard.verify.code;

import dev.lifeguard.analyzer.model.History;

import javax.sql.DataSource;

/** PREPAREs the application's statements of both versions against the schema before and after the change. */
public final class CodeRehearsal {
    private final CodeVersions code;

    public CodeRehearsal(CodeVersions code, Object findings) {
        this.code = code;
    }

    public void beforeChange(DataSource db, History history) {
    }

    public void afterChange(DataSource db, History history, Object before) {
    }
}
