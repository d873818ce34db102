package dev.lifeguard.rules.docs;

import dev.lifeguard.rules.compatibility.RenameColumnRule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.locking.TableRewriteRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleDocsTest {

    @Test
    void pageHasBannerTitleMetadataAndSidecar() {
        String page = RuleDocs.markdown(new RenameColumnRule().metadata());
        assertTrue(page.startsWith("<!-- Generated"), page);
        assertTrue(page.contains("\n# rename-column\n"), page);
        assertTrue(page.contains("| error | all | compatibility, expand-contract | 0.1.0 |"), page);
        assertTrue(page.contains("## Why it is dangerous"), page);
        assertTrue(page.contains("```sql"), page);
    }

    @Test
    void dialectsAreListedWhenRestricted() {
        RuleMetadata m = new TableRewriteRule().metadata();
        assertTrue(RuleDocs.markdown(m).contains("| warning | postgresql, mysql, mariadb |"), RuleDocs.markdown(m));
    }

    @Test
    void plainTextDropsMarkup() {
        String text = RuleDocs.plainText(new RenameColumnRule().metadata());
        assertTrue(text.contains("WHY IT IS DANGEROUS"), text);
        assertTrue(text.contains("ALTER TABLE users DROP COLUMN full_name;"), text);
        assertFalse(text.contains("```"), text);
        assertFalse(text.contains("## "), text);
    }
}
