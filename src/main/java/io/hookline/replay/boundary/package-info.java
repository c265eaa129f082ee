/**
 * Ways into a bulk replay: its REST resources and admin pages, the batch job's artifacts, and the resuming sweep.
 * {@link EndpointReplayResource} counts (dry run) or starts one for an endpoint; {@link ReplayResource} lists, stops
 * and restarts them, as the Faces beans {@link ReplayForm} and {@link ReplaysPage} do on the pages.
 * {@link ReplayReader}, {@link ReplayWriter} and {@link ReplayJobListener}, named in {@code hookline-replay.xml}, are
 * thin wrappers over {@code ReplayRun}; {@link ReplaySweep} runs every five seconds on every instance and resumes
 * replays whose execution stopped renewing its lease.
 */
package io.hookline.replay.boundary;
