/**
 * The replay's state, which doubles as its job checkpoint: {@link Replay} keeps the filter, the counts, the last event
 * reached, the throttle's next slot, and a lease (owner token and expiry) so that only one execution records progress
 * and exactly one instance takes over an expired one. {@link ReplayItem}, keyed by replay and event, marks each event
 * resent, so none goes out twice within one replay; {@link ReplayStatus} tells the resting states from the active ones.
 */
package io.hookline.replay.entity;
