/**
 * Bulk replay: an admin sends again, to one endpoint, every event of a time window whose latest delivery there
 * ended with a given status (and optionally the events it never got), as a Jakarta Batch chunk job. Each event
 * becomes a new delivery exactly as a single resend does; the job is throttled per endpoint, stoppable, and resumes
 * from its checkpoint in the {@code replay} table after a stop or a crash, never resending what it already resent.
 */
package io.hookline.replay;
