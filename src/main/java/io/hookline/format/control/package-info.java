/**
 * Rendering and signing of a request in each wire format. {@link WireFormats} is the one way in: it picks the
 * package-private renderer for an endpoint's {@link io.hookline.format.entity.WireFormat}, which builds the body and
 * the headers that name and sign the event from a {@link WireEvent}, and adds Content-Type and a
 * {@code Hookline/<version>} User-Agent to every request. Formats with room for several signatures also sign with the
 * previous secret during a rotation's grace. No CDI, no database: the delivery page rebuilds bodies with it.
 */
package io.hookline.format.control;
