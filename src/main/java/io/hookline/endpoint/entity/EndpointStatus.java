package io.hookline.endpoint.entity;

/** Only ACTIVE endpoints get new deliveries or attempts; the other two differ in who switched them off. */
public enum EndpointStatus {
    ACTIVE,
    DISABLED,
    AUTO_DISABLED
}
