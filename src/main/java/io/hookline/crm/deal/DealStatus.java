package io.hookline.crm.deal;

import java.util.Locale;

/** Where a deal stands: still being worked, or closed one way or the other. */
public enum DealStatus {
    OPEN,
    WON,
    LOST;

    /** The lower-case name the API and the events use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
