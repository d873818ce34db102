package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.CodeEntity;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.CodeStatement;
import dev.lifeguard.analyzer.model.CodeStatement.Form;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TableName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statements and entities the code index keeps for {@code lifeguard verify}, from every place code holds SQL. */
class CodeStatementsTest {
    @TempDir
    static Path app;
    private static CodeIndex index;

    @BeforeAll
    static void index() throws Exception {
        write("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        write("src/main/java/shop/OrderRepository.java", """
                package shop;

                import org.springframework.data.jpa.repository.Query;

                interface OrderRepository {
                    @Query(value = "SELECT id, status FROM orders WHERE customer_id = ?1", nativeQuery = true)
                    List<Object> byCustomer(long id);

                    @Query("SELECT o FROM Order o WHERE o.status = :status")
                    List<Order> byStatus(String status);

                    @Query(value = \"""
                            SELECT o.id
                              FROM orders o
                             WHERE o."Note" = :note
                            \""", nativeQuery = true)
                    List<Object> byNote(String note);

                    @Insert(\"""
                            <script>
                              INSERT INTO orders (id, status) VALUES (#{id}, #{status})
                            </script>
                            \""")
                    void add(Order o);

                    @Select("<script>SELECT id FROM orders <if test='s != null'>WHERE status = #{s}</if></script>")
                    List<Long> find(String s);
                }
                """);
        write("src/main/java/shop/OrderDao.java", """
                package shop;

                class OrderDao {
                    void run(String where) {
                        jdbc.update("UPDATE orders SET \\"Note\\" = ? WHERE id = ?", note, id);
                        jdbc.query("SELECT id FROM orders WHERE " + where);
                        jdbc.batchUpdate("DELETE FROM order_lines WHERE order_id = ?; DELETE FROM orders WHERE id = ?");
                    }
                }
                """);
        write("src/main/java/shop/Order.java", """
                package shop;

                import jakarta.persistence.*;
                import org.hibernate.annotations.Formula;

                @Entity
                @Table(name = "orders")
                @SecondaryTable(name = "order_extras")
                @NamedQuery(name = "Order.all", query = "SELECT o FROM Order o")
                public class Order {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    Long id;
                    String status;
                    @Column(name = "customer_id", insertable = false, updatable = false)
                    Long customerId;
                    @ManyToOne
                    @JoinColumn(name = "customer_id")
                    Customer customer;
                    @Column(table = "order_extras")
                    String giftNote;
                    @Formula("(select count(*) from order_lines l where l.order_id = id)")
                    int lineCount;
                    @OneToMany(mappedBy = "order")
                    List<OrderLine> lines;
                }
                """);
        write("src/main/resources/mapper/OrderMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="shop.OrderMapper">
                  <sql id="columns">id, status</sql>
                  <select id="byId" resultType="map">
                    SELECT <include refid="columns"/>
                      FROM orders
                     WHERE id = #{id,jdbcType=BIGINT} AND total &lt; #{max}
                  </select>
                  <select id="small" resultType="map"><![CDATA[
                    SELECT id FROM orders WHERE total < 10
                  ]]></select>
                  <insert id="add">
                    <selectKey keyProperty="id" resultType="long" order="BEFORE">SELECT nextval('orders_seq')</selectKey>
                    INSERT INTO orders (id, status) VALUES (#{id}, #{status})
                  </insert>
                  <select id="search" resultType="map">
                    SELECT id FROM orders <where><if test="status != null">status = #{status}</if></where>
                  </select>
                  <select id="sorted" resultType="map">SELECT id FROM orders ORDER BY ${column}</select>
                </mapper>
                """);
        write("src/main/resources/queries/report.sql", """
                -- the monthly report
                SELECT status, count(*) FROM orders GROUP BY status;
                DELETE FROM orders WHERE status = 'gone';
                """);
        write("src/main/kotlin/shop/Lines.kt", """
                package shop

                class Lines {
                    fun of(table: String) = jdbc.query("SELECT id FROM $table WHERE id = ?")
                    fun all() = jdbc.query("SELECT id, qty FROM order_lines")
                }
                """);
        index = new ProjectLoader().load(new LoadOptions(app, List.of("src/main/resources/db/migration"),
                Dialect.POSTGRESQL, List.of())).code().index();
    }

    @Test
    void nativeQueriesTextBlocksAndStringsAsWrittenWithTheirLines() {
        CodeStatement native1 = at("OrderRepository.java", 6);
        assertEquals("SELECT id, status FROM orders WHERE customer_id = ?1", native1.sql());
        assertEquals(Form.COMPLETE, native1.form());
        assertTrue(native1.parameterised());
        assertEquals(CodeReference.Kind.SQL_IN_CODE, native1.kind());
        assertTrue(native1.names().contains(new CodeStatement.Name(TableName.parse("orders"), "status")), native1.names().toString());

        CodeStatement block = at("OrderRepository.java", 13);
        assertEquals(16, block.span().endLine(), "a text block spans its lines");
        assertTrue(block.sql().contains("WHERE o.\"Note\" = :note"), block.sql());

        CodeStatement update = at("OrderDao.java", 5);
        assertEquals("UPDATE orders SET \"Note\" = ? WHERE id = ?", update.sql(), "Java's escapes decoded");

        assertEquals(Form.BUILT_AT_RUN_TIME, at("OrderDao.java", 6).form());
        List<CodeStatement> batch = all("OrderDao.java", 7);
        assertEquals(List.of("DELETE FROM order_lines WHERE order_id = ?", "DELETE FROM orders WHERE id = ?"),
                batch.stream().map(CodeStatement::sql).toList(), "a batch is statement by statement");
    }

    @Test
    void myBatisAnnotationScriptsWithoutDynamicTagsAreStatements() {
        CodeStatement insert = at("OrderRepository.java", 20);
        assertEquals("INSERT INTO orders (id, status) VALUES (#{id}, #{status})", insert.sql());
        assertEquals(Form.COMPLETE, insert.form());
        assertEquals(Form.DYNAMIC_SQL, at("OrderRepository.java", 26).form());
    }

    @Test
    void jpqlIsKeptToBeCountedButNamesNoTable() {
        CodeStatement jpql = at("OrderRepository.java", 9);
        assertEquals(Form.JPQL, jpql.form());
        assertEquals(List.of(), jpql.names());
        assertTrue(index.referencesTo(TableName.parse("order"), null).isEmpty(), "JPQL's entity is no table");
        assertEquals(Form.JPQL, at("Order.java", 9).form(), "@NamedQuery");
    }

    @Test
    void myBatisStatementsWithIncludesCdataAndEntitiesDynamicOnesMarked() {
        CodeStatement byId = at("OrderMapper.xml", 6);
        assertEquals("SELECT  id, status \n      FROM orders\n     WHERE id = #{id,jdbcType=BIGINT} AND total < #{max}",
                byId.sql());
        assertEquals(Form.COMPLETE, byId.form());
        assertEquals(CodeReference.Kind.MYBATIS_MAPPER, byId.kind());
        assertEquals("SELECT id FROM orders WHERE total < 10", at("OrderMapper.xml", 10).sql());
        assertEquals("INSERT INTO orders (id, status) VALUES (#{id}, #{status})", at("OrderMapper.xml", 14).sql().strip(),
                "the selectKey is left out");
        assertEquals(Form.DYNAMIC_SQL, at("OrderMapper.xml", 18).form());
        assertEquals(Form.TEXT_SUBSTITUTION, at("OrderMapper.xml", 20).form());
    }

    @Test
    void sqlFilesStatementByStatementWithoutTheirComments() {
        assertEquals("SELECT status, count(*) FROM orders GROUP BY status", at("report.sql", 1).sql());
        assertEquals("DELETE FROM orders WHERE status = 'gone'", at("report.sql", 3).sql());
        assertFalse(at("report.sql", 3).parameterised());
    }

    @Test
    void kotlinTemplatesArePutTogetherAtRunTime() {
        assertEquals(Form.BUILT_AT_RUN_TIME, at("Lines.kt", 4).form());
        assertEquals(Form.COMPLETE, at("Lines.kt", 5).form());
    }

    @Test
    void entitiesWithTheirTablesColumnsAndWhatTheProviderInserts() {
        CodeEntity order = index.entities().stream().filter(e -> e.name().equals("Order")).findFirst().orElseThrow();
        assertEquals(TableName.parse("orders"), order.table());
        assertEquals(7, order.span().startLine());
        String columns = order.columns().stream().map(c -> c.table().name() + "." + c.name() + (c.insertable() ? "" : "(not inserted)")
                + ":" + c.type() + "@" + c.span().startLine()).collect(Collectors.joining(", "));
        assertEquals("orders.id(not inserted):Long@13, orders.status:String@14, orders.customer_id:Customer@18,"
                + " order_extras.gift_note:String@21", columns,
                "IDENTITY id not inserted; customer_id written by the association; no formula, no collection");
    }

    private static CodeStatement at(String file, int line) {
        List<CodeStatement> found = all(file, line);
        assertEquals(1, found.size(), file + ":" + line + " in " + index.statements());
        return found.get(0);
    }

    private static List<CodeStatement> all(String file, int line) {
        return index.statements().stream().filter(s -> s.file().getFileName().toString().equals(file) && s.line() == line)
                .toList();
    }

    private static void write(String rel, String text) throws IOException {
        Path f = app.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
