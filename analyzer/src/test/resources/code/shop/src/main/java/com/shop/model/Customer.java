package com.shop.model;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "customers")
@SecondaryTable(name = "customer_details")
public class Customer extends Auditable {
    @Id
    @GeneratedValue
    private Long id;

    private String fullName;

    @Column(name = "e_mail")
    private String email;

    @Column(name = "loyalty_points", table = "customer_details")
    private int points;

    @Embedded
    private Address homeAddress;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
        @AttributeOverride(name = "zipCode", column = @Column(name = "billing_zip"))
    })
    private Address billingAddress;

    @ManyToOne
    private Region region;

    @ManyToOne
    @JoinColumn(name = "referrer_fk")
    private Customer referrer;

    @ManyToMany
    @JoinTable(name = "customer_tags",
            joinColumns = @JoinColumn(name = "customer_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags;

    @ElementCollection
    @CollectionTable(name = "customer_phones", joinColumns = @JoinColumn(name = "owner_id"))
    @Column(name = "phone_number")
    private Set<String> phones;

    @OneToMany(mappedBy = "customer")
    private Set<PurchaseOrder> orders;

    @Transient
    private String displayName;

    private transient String cacheKey;

    private static int instances;
}
