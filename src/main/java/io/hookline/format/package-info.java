/**
 * Wire formats: how one canonical event is rendered for a receiver written against one of the seed products
 * (ToolbagCRM, Customermates, Tonic Desk, Job-sync) or against Standard Webhooks. A format decides the body, the
 * headers and the signature of a request; the rest of the delivery pipeline does not know which one is in use.
 */
package io.hookline.format;
