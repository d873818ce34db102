package com.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

@MappedSuperclass
public abstract class Auditable {
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    private Instant lastModifiedAt;

    private static final long serialVersionUID = 1L;
}
