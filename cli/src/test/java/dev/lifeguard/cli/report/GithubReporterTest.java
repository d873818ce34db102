package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.cli.TestProjects;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GithubReporterTest {
    @TempDir
    Path root;

    private static String render(LintResult result) throws IOException {
        StringWriter out = new StringWriter();
        new GithubReporter().write(result, out);
        return out.toString();
    }

    @Test
    void oneAnnotationPerFindingBySeverityThenTheSummary() throws IOException {
        String text = render(TestProjects.mixedResult(TestProjects.flywayRename(root)));
        assertEquals("""
                ::notice file=db/migration/V1__create_users.sql,line=2,col=1,endLine=2,endColumn=26,title=lifeguard parse-error::\
                not checked: statement could not be parsed%0Adocs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/parse-error.md
                ::warning file=db/migration/V1__create_users.sql,line=3,col=5,endLine=3,endColumn=13,title=lifeguard table-rewrite::\
                the table is rewritten%0Ahelp: Rewrite it in batches%0Afix: make name nullable%0Adocs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/table-rewrite.md
                ::error file=db/migration/V2__rename_name.sql,line=2,col=1,endLine=2,endColumn=50,title=lifeguard rename-column::\
                column users.name is renamed to full_name in place%0Ahelp: Add the new column first%0Adocs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/rename-column.md
                1 error, 1 warning, 1 note in 2 files; 2 migrations checked
                """, text);
    }

    @Test
    void aMultiLineSpanHasLinesButNoColumns() {
        Finding f = new Finding(TestProjects.rule("drop-table", Severity.WARNING), Severity.WARNING, "m",
                new SourceSpan(Path.of("a.sql"), 2, 3, 4, 5, -1, -1), null, List.of(), null, null);
        assertEquals("::warning file=a.sql,line=2,endLine=4,title=lifeguard drop-table::m%0Adocs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/drop-table.md",
                GithubReporter.annotation(f, new Region(2, 3, 4, 5)));
    }

    @Test
    void escapesAsTheActionsToolkitDoes() {
        assertEquals("100%25 done%0D%0Anext: a, b", GithubReporter.escapeData("100% done\r\nnext: a, b"));
        assertEquals("db%2Cx/V1%3Aa%25.sql%0A", GithubReporter.escapeProperty("db,x/V1:a%.sql\n"));
        Finding f = new Finding(TestProjects.rule("rename-column", Severity.ERROR), Severity.ERROR, "a%b\nc",
                new SourceSpan(Path.of("we:ird,name.sql"), 1, 1, 1, 3, -1, -1), null, List.of(), null, null);
        assertEquals("::error file=we%3Aird%2Cname.sql,line=1,col=1,endLine=1,endColumn=2,title=lifeguard rename-column::"
                + "a%25b%0Ac%0Adocs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/rename-column.md", GithubReporter.annotation(f, new Region(1, 1, 1, 3)));
    }
}
