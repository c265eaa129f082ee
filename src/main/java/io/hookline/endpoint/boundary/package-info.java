/**
 * Endpoints over REST ({@link EndpointResource}: create, list, PATCH, delete, enable, disable, rotate-secret) and on
 * the admin pages ({@link EndpointsPage}, {@link EndpointPage}, {@link EndpointForm}), both calling
 * {@link io.hookline.endpoint.control.Endpoints} with the same rules. The form checks URL and events up front only so
 * that one save flags every field at fault. A signing secret leaves the server once: in the answer that issued it, or
 * on the pages through the Faces flash, gone after a reload.
 */
package io.hookline.endpoint.boundary;
