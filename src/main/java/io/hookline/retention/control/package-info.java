/**
 * Deciding what is old enough and removing it. {@link Retention} opens a {@link RetentionRuns run} (for a scheduled
 * one, the instance that records the slot first) and launches the job outside any transaction. Each of the four steps
 * is a {@link RetentionTarget}, oldest rows first along an index on their age; {@link RetentionWork} reads a page and
 * removes it in a {@code REQUIRES_NEW} transaction per call, repeating every condition, so a row that stopped
 * qualifying in between stays. The chunk's own transaction is not used: the batch runtime's job repository is a
 * second non-XA data source. Ages and schedule come from {@link RetentionSettings}.
 */
package io.hookline.retention.control;
