package io.hookline.event.api;

/** Fired for an event type the catalog does not list: a programming error in the firing module. */
public class UnknownEventTypeException extends IllegalArgumentException {

    public UnknownEventTypeException(String type) {
        super("Unknown webhook event type '" + type + "': add it to the event catalog before firing it");
    }
}
