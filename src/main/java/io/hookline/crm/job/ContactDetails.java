package io.hookline.crm.job;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A job's customer on the wire, in requests and views alike. */
public record ContactDetails(
        @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone) {

    static ContactDetails of(JobContact contact) {
        return contact == null ? null : new ContactDetails(contact.name(), contact.email(), contact.phone());
    }

    JobContact toContact() {
        return new JobContact(name, email, phone);
    }
}
