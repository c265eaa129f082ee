package io.hookline.crm.job;

import io.hookline.crm.Snapshot;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The insurance claim that pays for a job: a value, replaced whole when it changes. */
@Embeddable
public class Insurance {

    @Column(name = "insurance_claim_number", length = 100)
    private String claimNumber;

    @Column(name = "insurance_company", length = 200)
    private String company;

    @Column(name = "insurance_loss_type", length = 100)
    private String lossType;

    @Column(name = "insurance_policy_number", length = 100)
    private String policyNumber;

    @Column(name = "insurance_agent", length = 200)
    private String agent;

    @Column(name = "insurance_phone", length = 50)
    private String phone;

    @Column(name = "insurance_email", length = 320)
    private String email;

    protected Insurance() {
    }

    public Insurance(String claimNumber, String company, String lossType, String policyNumber, String agent,
                     String phone, String email) {
        this.claimNumber = claimNumber;
        this.company = company;
        this.lossType = lossType;
        this.policyNumber = policyNumber;
        this.agent = agent;
        this.phone = phone;
        this.email = email;
    }

    JsonObject snapshot() {
        return new Snapshot().add("claimNumber", claimNumber).add("company", company).add("lossType", lossType)
                .add("policyNumber", policyNumber).add("agent", agent).add("phone", phone).add("email", email)
                .build();
    }

    public String claimNumber() {
        return claimNumber;
    }

    public String company() {
        return company;
    }

    public String lossType() {
        return lossType;
    }

    public String policyNumber() {
        return policyNumber;
    }

    public String agent() {
        return agent;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }
}
