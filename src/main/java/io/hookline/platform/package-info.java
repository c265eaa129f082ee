/**
 * Cross-cutting plumbing: the JAX-RS application, problem+json errors, configuration, the data source, ids and time,
 * and the admin pages' messages and formats.
 * Nothing here knows about webhooks; every capability package may use it.
 */
package io.hookline.platform;
