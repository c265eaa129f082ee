/**
 * Deals of the sample CRM (seed 002): an opportunity moving through a pipeline's stages. A {@link Deal} is OPEN until
 * it is won or lost by its own actions ({@code POST .../won}, {@code .../lost}), never by a PATCH, so each outcome is
 * its own event; it may flip to the other outcome but not be closed the same way twice, and its amount is kept to
 * cents. When a PATCH moves the stage, {@link Deals} fires {@code deal.stage_changed} besides {@code deal.updated},
 * with the stage left behind as {@code previous_stage} in the data.
 */
package io.hookline.crm.deal;
