package io.hookline.delivery.entity;

/** PENDING until a 2xx arrives (SUCCEEDED) or the attempts run out (FAILED); both ends are final. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
