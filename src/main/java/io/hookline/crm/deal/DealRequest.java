package io.hookline.crm.deal;

import io.hookline.crm.OnCreate;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A deal as a client sends it: all of it to create, only the fields to change for a PATCH. The status is not
 * here: a deal is won or lost through its own actions, so that each outcome is its own event.
 */
public record DealRequest(
        @NotBlank(groups = OnCreate.class) @Size(max = 200) String name,
        @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @Size(max = 100) String stage,
        @Size(max = 100) String pipeline) {
}
