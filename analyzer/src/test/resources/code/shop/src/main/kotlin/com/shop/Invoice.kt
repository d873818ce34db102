package com.shop

import jakarta.persistence.*

@Entity
@Table(name = "invoices")
data class Invoice(
    @Id val id: Long,
    val invoiceNumber: String,
    @Column(name = "amount_cents") val amount: Long,
    @Transient val preview: String? = null,
) {
    companion object {
        val zero: Long = 0
    }
}

class InvoiceDao(private val jdbc: org.springframework.jdbc.core.JdbcTemplate) {
    fun overdue(): List<Long> = jdbc.queryForList(
        """
        select id from invoices
         where due_date < now()
        """, Long::class.java)
}
