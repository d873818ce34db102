package com.shop.repo;

import com.shop.model.Customer;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    @Query(value = "SELECT c.* FROM customers c WHERE c.nickname = :nick", nativeQuery = true)
    List<Customer> byNickname(String nick);

    @Query("select c from Customer c where c.legacyCode = ?1")
    List<Customer> jpqlIsNotSql(String code);

    @Query(nativeQuery = true, value = """
            SELECT o.id
              FROM purchase_order o
              JOIN customers c ON c.id = o.customer_id
             WHERE c.vip_level > 2
            """)
    List<Long> vipOrders();

    class Reports {
        private final JdbcTemplate jdbc;

        Reports(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        int archived() {
            return jdbc.queryForObject("select count(*) from customers "
                    + "where archived_on is not null", Integer.class);
        }

        void rebuild() {
            jdbc.execute("CREATE INDEX customers_name_idx ON customers (full_name)");
        }

        void resetSequences() {
            jdbc.execute("SELECT setval('customers_seq', (SELECT MAX(id) FROM customers));"
                    + "SELECT setval('purchase_order_seq', (SELECT MAX(order_ref) FROM purchase_order));");
        }
    }
}
