package com.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** Property access (the id on a getter): the getters are the mapping; a field without one is not mapped. */
@Entity
@Table(name = "suppliers")
public class Supplier {
    private Long id;
    private String login;
    private String password;
    private String displayName;

    @Id
    @Column(name = "ID")
    public Long getId() {
        return id;
    }

    @Column(name = "LOGIN")
    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Transient
    public String getLabel() {
        return login + " " + displayName;
    }

    public boolean isActive() {
        return true;
    }

    public void setActive(boolean active) {
    }
}
