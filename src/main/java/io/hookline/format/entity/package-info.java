/**
 * The format facts that endpoints store and are validated against; plain types, not JPA entities. {@link WireFormat},
 * saved on the endpoint by name and named in the API by its id, knows whether its receivers may go unsigned and which
 * secrets it can sign with; {@link StandardWebhooksSecret} reads the {@code whsec_} form every generated secret takes.
 */
package io.hookline.format.entity;
