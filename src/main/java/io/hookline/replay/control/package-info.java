/**
 * A replay's life, from the admin's request to its last chunk. {@link Replays} checks the {@link ReplayFilter} and
 * creates the replay (one active per endpoint, decided under the endpoint's row lock); {@link ReplayJobs} then launches
 * the job outside any transaction, since the row must be committed first. While it runs, {@link ReplayRun} does the
 * work in a {@code REQUIRES_NEW} transaction per call, verifying the owner token each time and spacing new deliveries
 * by {@link ReplaySettings}' rate; {@link ReplayMatches} is the single query behind both dry-run counts and pages.
 */
package io.hookline.replay.control;
