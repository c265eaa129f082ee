package io.hookline.crm.customer;

import java.time.OffsetDateTime;

/** A customer as the API shows it. */
public record CustomerView(String id, String name, String email, String phone,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.id(), customer.name(), customer.email(), customer.phone(),
                customer.createdAt(), customer.updatedAt());
    }
}
