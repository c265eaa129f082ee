/**
 * How Arquillian starts and stops Payara Micro for the integration tests: the Payara connector, wrapped where it
 * races (not deployed into the server, unlike {@code io.hookline.testing}).
 */
package io.hookline.testing.arquillian;
