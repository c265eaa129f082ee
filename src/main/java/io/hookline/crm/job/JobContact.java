package io.hookline.crm.job;

import io.hookline.crm.Snapshot;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who the job is for, as the job records it: a value, replaced whole when it changes. */
@Embeddable
public class JobContact {

    @Column(name = "customer_name", length = 200)
    private String name;

    @Column(name = "customer_email", length = 320)
    private String email;

    @Column(name = "customer_phone", length = 50)
    private String phone;

    protected JobContact() {
    }

    public JobContact(String name, String email, String phone) {
        this.name = name;
        this.email = email;
        this.phone = phone;
    }

    JsonObject snapshot() {
        return new Snapshot().add("name", name).add("email", email).add("phone", phone).build();
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }
}
