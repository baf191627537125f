/**
 * What every console endpoint shares: one JSON error shape ({@code {error, message}}) for bad input and refused
 * requests, and the routes of the static pages.
 */
package xiaoer.console.web;
