package io.hookline.event.entity;

/** Where a committed event stands: waiting to be fanned out, or turned into deliveries. */
public enum OutboxStatus {
    PENDING,
    DISPATCHED
}
