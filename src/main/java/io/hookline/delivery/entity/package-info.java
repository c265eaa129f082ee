/**
 * The rows a delivery leaves: {@link Delivery}, one event on its way to one endpoint, and an {@link Attempt} for each
 * HTTP try, written once and never changed. The delivery owns the lease: only the holder of the current token may
 * claim, attempt or settle it, and an expired lease is what lets the recovery timer hand it over again, so two
 * instances never attempt it at once. Only a PENDING {@link DeliveryStatus} moves; {@code HeldSuccesses} writes
 * {@link Delivery#succeeded} again in SQL, so a change to one needs the other.
 */
package io.hookline.delivery.entity;
