package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** SQL forms met on real projects that once gave parse errors. */
class RealProjectFormsTest {
    /** H2's own schema objects (kestra's H2 migrations start with them): read as objects. */
    @Test
    void h2AliasesAndConstantsAreSchemaObjects() {
        String sql = "CREATE ALIAS IF NOT EXISTS JQ_STRING FOR \"io.example.h2.Functions.jqString\" ;\n"
                + "CREATE CONSTANT IF NOT EXISTS ONE VALUE 1;\n"
                + "DROP ALIAS IF EXISTS JQ_STRING;\n";
        List<Operation> ops = new SqlParser(Dialect.H2).parse(new SourceFile(Path.of("V1__h2.sql"), sql));
        assertEquals(3, ops.size(), ops.toString());
        assertEquals("CREATE ALIAS", assertInstanceOf(Operation.Other.class, ops.get(0)).kind());
        assertEquals("CREATE CONSTANT", assertInstanceOf(Operation.Other.class, ops.get(1)).kind());
        assertEquals("DROP ALIAS", assertInstanceOf(Operation.Other.class, ops.get(2)).kind());
    }

    /** A no-break space after the last statement (dhis2-core V2_36_20) is space, not a statement. */
    @Test
    void noBreakSpaceAfterTheLastStatementIsNoStatement() {
        String sql = "DROP TABLE IF EXISTS useraccess CASCADE;\n\u00A0\u00A0\n\uFEFF";
        List<Operation> ops = new SqlParser(Dialect.POSTGRESQL).parse(new SourceFile(Path.of("V2__drop.sql"), sql));
        assertEquals(1, ops.size(), ops.toString());
        assertInstanceOf(Operation.DropTable.class, ops.get(0));
    }
}
