-- Safe: a new table is empty and unused (one DDL statement per migration: MariaDB commits each on its own).
CREATE TABLE orders (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    total       DECIMAL(10, 2) NOT NULL,
    placed_at   DATETIME NOT NULL,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB;
