package io.hookline.delivery.entity;

/**
 * PENDING until a 2xx arrives (SUCCEEDED) or the attempts run out (FAILED); NOT_SENT when it was never to leave
 * (a preview-only workspace). All but PENDING are final.
 */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    NOT_SENT
}
