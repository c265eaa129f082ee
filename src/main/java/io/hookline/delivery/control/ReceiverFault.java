package io.hookline.delivery.control;

import java.io.IOException;

/** The receiver broke the rules of HTTP or of our limits; the message says how, for the attempt's error. */
class ReceiverFault extends IOException {

    ReceiverFault(String message) {
        super(message);
    }
}
