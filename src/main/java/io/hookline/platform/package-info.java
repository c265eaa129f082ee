/**
 * Cross-cutting plumbing: the JAX-RS application, problem+json errors, configuration, the data source, ids and time,
 * a batching thread for many-callers-one-transaction writers, JDBC batches on the transaction's connection, commits
 * that need not wait for the disk, the starting of batch jobs,
 * the master key that seals secrets at rest, text made safe for logs, and the admin pages' messages and formats.
 * Nothing here knows about webhooks; every capability package may use it. The one exception is the schema migration:
 * its version 9 re-hashes API keys with the tenant capability's hash.
 */
package io.hookline.platform;
