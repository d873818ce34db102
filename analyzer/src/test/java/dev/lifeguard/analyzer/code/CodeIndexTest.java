package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.TableName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code index on a small but realistic shop application (src/test/resources/code/shop). */
class CodeIndexTest {
    private static final Path SHOP = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/resources/code/shop").toAbsolutePath().normalize();
    private static Project project;
    private static CodeIndex index;

    @BeforeAll
    static void load() throws Exception {
        project = new ProjectLoader().load(new LoadOptions(SHOP, List.of("src/main/resources/db/migration"), Dialect.POSTGRESQL,
                List.of()));
        assertFalse(project.code().indexBuilt(), "loading must not build the index");
        index = project.code().index();
        assertTrue(project.code().indexBuilt());
    }

    @Test
    void mappingsThatCannotHoldNullSayWhy() {
        List<dev.lifeguard.analyzer.model.NonNullMapping> points = index.nonNullMappingsOf(
                TableName.parse("customer_details"), "loyalty_points");
        assertEquals(1, points.size(), points.toString());
        assertEquals("Customer.points: primitive int", points.get(0).reason());
        assertTrue(points.get(0).failsOnLoad());
        assertEquals(20, points.get(0).span().startLine());
        // a mapped superclass's @Column(nullable = false) counts for every entity extending it
        List<dev.lifeguard.analyzer.model.NonNullMapping> created = index.nonNullMappingsOf(
                TableName.parse("customers"), "created_at");
        assertEquals(1, created.size(), created.toString());
        assertEquals("Auditable.createdAt: @Column(nullable = false)", created.get(0).reason());
        assertFalse(created.get(0).failsOnLoad());
        assertEquals(9, created.get(0).span().startLine());
        // Kotlin: a non-null Long is a JVM primitive; a non-null String is not (null loads, Kotlin code meets it later)
        List<dev.lifeguard.analyzer.model.NonNullMapping> amount = index.nonNullMappingsOf(
                TableName.parse("invoices"), "amount_cents");
        assertEquals(1, amount.size(), amount.toString());
        assertEquals("Invoice.amount: non-null Kotlin Long (a JVM primitive)", amount.get(0).reason());
        assertEquals(10, amount.get(0).span().startLine());
        assertTrue(index.nonNullMappingsOf(TableName.parse("invoices"), "invoice_number").isEmpty());
        assertTrue(index.nonNullMappingsOf(TableName.parse("invoices"), "id").isEmpty());
        for (String nullable : List.of("full_name", "e_mail", "id", "region_id", "last_modified_at")) {
            assertTrue(index.nonNullMappingsOf(TableName.parse("customers"), nullable).isEmpty(), nullable);
        }
    }

    @Test
    void defaultCodeRootIsSrcMainBesideTheMigrations() {
        assertEquals(List.of(Path.of("src/main")), project.code().roots());
    }

    @Test
    void entityColumnsThroughMappedSuperclassEmbeddablesAndNamingStrategy() {
        assertAt("customers", null, "Customer.java:7");
        assertAt("customers", "full_name", "Customer.java:14");
        assertAt("customers", "e_mail", "Customer.java:16");
        assertAt("customer_details", "loyalty_points", "Customer.java:19");
        assertAt("customers", "created_at", "Auditable.java:9");
        assertAt("customers", "last_modified_at", "Auditable.java:12");
        assertAt("customers", "street", "Address.java:7");
        assertAt("customers", "zip_code", "Address.java:8");
        assertAt("customers", "billing_street", "Customer.java:27");
        assertAt("customers", "billing_zip", "Customer.java:28");
        assertAt("customers", "region_id", "Customer.java:33");
        assertAt("customers", "referrer_fk", "Customer.java:36");
        assertAt("customer_tags", "customer_id", "Customer.java:41");
        assertAt("customer_tags", "tag_id", "Customer.java:42");
        assertAt("customer_phones", "owner_id", "Customer.java:46");
        assertAt("customer_phones", "phone_number", "Customer.java:47");
        assertAt("purchase_order", "total_amount", "PurchaseOrder.java:10");
        for (String notAColumn : List.of("display_name", "cache_key", "instances", "orders", "tags", "phones",
                "serial_version_uid", "home_address", "billing_address")) {
            assertTrue(index.referencesTo(TableName.parse("customers"), notAColumn).isEmpty(), notAColumn);
        }
    }

    @Test
    void propertyAccessMapsTheGettersNotTheFields() {
        assertAt("suppliers", "login", "Supplier.java:24");
        assertAt("suppliers", "display_name", "Supplier.java:29");
        assertAt("suppliers", "active", "Supplier.java:38");
        for (String unmapped : List.of("password", "label", "displayname")) {
            assertTrue(index.referencesTo(TableName.parse("suppliers"), unmapped).isEmpty(), unmapped);
        }
    }

    @Test
    void nativeQueriesTextBlocksAndJdbcStrings() {
        assertAt("customers", "nickname", "CustomerRepository.java:12");
        assertAt("customers", "vip_level", "CustomerRepository.java:22");
        assertAt("purchase_order", "customer_id", "CustomerRepository.java:21");
        assertAt("customers", "archived_on", "CustomerRepository.java:35");
        assertTrue(index.referencesTo(TableName.parse("customers"), "legacy_code").isEmpty(), "JPQL is not SQL");
        assertTrue(index.referencesTo(TableName.parse("customers"), "legacycode").isEmpty(), "JPQL is not SQL");
        assertAt("purchase_order", "order_ref", "CustomerRepository.java:44");
        assertTrue(index.referencesTo(TableName.parse("customers"), "order_ref").isEmpty(),
                "a string of several statements: each column belongs to its own statement's tables");
    }

    @Test
    void kotlinDataClassAndStrings() {
        assertAt("invoices", null, "Invoice.kt:7");
        assertAt("invoices", "invoice_number", "Invoice.kt:9");
        assertAt("invoices", "amount_cents", "Invoice.kt:10");
        assertAt("invoices", "due_date", "Invoice.kt:22");
        assertTrue(index.referencesTo(TableName.parse("invoices"), "preview").isEmpty());
        assertTrue(index.referencesTo(TableName.parse("invoices"), "zero").isEmpty());
    }

    @Test
    void myBatisMapperAndSqlFilesButNotMigrationsOrTests() {
        assertAt("products", "discontinued_at", "ProductMapper.xml:12");
        assertAt("products", "unit_price", "ProductMapper.xml:5");
        assertAt("products", "sku", "ProductMapper.xml:11");
        assertAt("customers", "region_id", "report.sql:2");
        assertTrue(index.referencesTo(TableName.parse("customers"), "ghost_column").isEmpty(), "migrations are not code");
        assertTrue(index.referencesTo(TableName.parse("customers"), "test_only_column").isEmpty(), "tests are not code");
    }

    @Test
    void quotedNamesKeepTheirCase() {
        assertTrue(index.referencesTo(TableName.parse("CUSTOMERS"), "FULL_NAME").isEmpty(),
                "the column name given must already be normalized");
        assertFalse(index.referencesTo(TableName.parse("CUSTOMERS"), "full_name").isEmpty(), "unquoted folds");
        assertTrue(index.referencesTo(TableName.parse("\"CUSTOMERS\""), "full_name").isEmpty(), "quoted keeps case");
    }

    @Test
    void schemaSettingsOfEveryProfileAtTheirLine() {
        List<String> found = project.code().settings().stream()
                .map(s -> s.span().file().getFileName() + ":" + s.span().startLine() + " " + s.setting() + "=" + s.value())
                .toList();
        assertEquals(List.of("application-prod.properties:2 spring.jpa.properties.hibernate.hbm2ddl.auto=update",
                "application.yml:14 spring.jpa.hibernate.ddl-auto=create-drop"), found);
        assertTrue(project.source(Path.of("src/main/resources/application.yml")).isPresent());
    }

    @Test
    void ddlInApplicationStrings() {
        List<SchemaChangeInCode> ddl = project.code().ddlInCode();
        assertEquals(1, ddl.size(), ddl.toString());
        assertEquals("CustomerRepository.java", ddl.get(0).span().file().getFileName().toString());
        assertEquals(39, ddl.get(0).span().startLine());
        assertEquals("CREATE INDEX", ddl.get(0).value());
    }

    private static void assertAt(String table, String column, String fileAndLine) {
        List<CodeReference> refs = index.referencesTo(TableName.parse(table), column).stream()
                .filter(r -> column != null || r.column() == null).toList();
        List<String> where = refs.stream().map(r -> r.file().getFileName() + ":" + r.line()).toList();
        assertTrue(where.contains(fileAndLine), table + "." + column + " expected at " + fileAndLine + ", found " + where);
    }
}
