/**
 * CRM events: the public API that CRM modules fire ({@code event.api}), the catalog of known event types, and the
 * transactional outbox that stores a committed event exactly once and hands it to fan-out.
 */
package io.hookline.event;
