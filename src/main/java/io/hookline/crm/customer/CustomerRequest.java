package io.hookline.crm.customer;

import io.hookline.crm.OnCreate;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer as a client sends it: all of it to create, only the fields to change for a PATCH. */
public record CustomerRequest(
        @NotBlank(groups = OnCreate.class) @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone) {
}
