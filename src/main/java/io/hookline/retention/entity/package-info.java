/**
 * One entity, {@link RetentionRun}: the cut-offs a run applied, how many rows of each kind it cleared or deleted, and
 * whether it completed or failed. Its unique slot column is how instances woken by the same schedule agree that one of
 * them runs it; a run started by hand gets a slot of its own.
 */
package io.hookline.retention.entity;
