package io.hookline.crm.job;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A job's insurance claim on the wire, in requests and views alike. */
public record InsuranceDetails(
        @Size(max = 100) String claimNumber,
        @Size(max = 200) String company,
        @Size(max = 100) String lossType,
        @Size(max = 100) String policyNumber,
        @Size(max = 200) String agent,
        @Size(max = 50) String phone,
        @Email @Size(max = 320) String email) {

    static InsuranceDetails of(Insurance insurance) {
        return insurance == null ? null : new InsuranceDetails(insurance.claimNumber(), insurance.company(),
                insurance.lossType(), insurance.policyNumber(), insurance.agent(), insurance.phone(), insurance.email());
    }

    Insurance toInsurance() {
        return new Insurance(claimNumber, company, lossType, policyNumber, agent, phone, email);
    }
}
