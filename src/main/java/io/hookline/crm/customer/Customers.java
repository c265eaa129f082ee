package io.hookline.crm.customer;

import io.hookline.crm.CrmEvents;
import io.hookline.crm.TenantRecords;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Customer changes of one tenant, each published as an event in the transaction that makes it. */
@ApplicationScoped
@Transactional
public class Customers {

    public static final int MAX_IMPORT = 100;

    @Inject
    TenantRecords records;

    @Inject
    CrmEvents events;

    public Customer create(String tenantId, CustomerRequest request, String actorId) {
        Customer customer = add(tenantId, request);
        events.fire("customer.created", customer, actorId);
        return customer;
    }

    /** The events go as one batch: the outbox writes an import's events in one round trip. */
    public List<Customer> createAll(String tenantId, List<CustomerRequest> requests, String actorId) {
        List<Customer> created = requests.stream().map(request -> add(tenantId, request)).toList();
        events.fireAll("customer.created", created, actorId);
        return created;
    }

    private Customer add(String tenantId, CustomerRequest request) {
        return records.add(new Customer(tenantId, request.name(), request.email(), request.phone(), Time.now()));
    }

    public Customer find(String tenantId, String customerId) {
        return records.find(Customer.class, tenantId, customerId);
    }

    public List<Customer> newestFirst(String tenantId) {
        return records.newestFirst(Customer.class, tenantId);
    }

    /** A PATCH that moves nothing is no news: no event. */
    public Customer update(String tenantId, String customerId, CustomerRequest patch, String actorId) {
        Customer customer = find(tenantId, customerId);
        List<FieldChange> changes = customer.edit(patch.name(), patch.email(), patch.phone(), Time.now());
        if (!changes.isEmpty()) {
            events.fire("customer.updated", customer, actorId, changes);
        }
        return customer;
    }

    public void delete(String tenantId, String customerId, String actorId) {
        Customer customer = find(tenantId, customerId);
        records.remove(customer);
        events.fire("customer.deleted", customer, actorId);
    }
}
