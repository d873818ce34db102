package com.shop.model;

import jakarta.persistence.*;

@Entity
public class PurchaseOrder {
    @Id
    private Long id;

    private java.math.BigDecimal totalAmount;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;
}
