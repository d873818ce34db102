-- Safe: a new table is empty and unused.
CREATE TABLE customers (
    id    BIGINT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    name  VARCHAR(100),
    UNIQUE KEY customers_email_uk (email)
) ENGINE=InnoDB;
