/**
 * The shop's records over HTTP: the integration API the shop's own system calls ({@code /api/shop/**}, a per-shop
 * API key in {@code X-Api-Key}, documented by OpenAPI at {@code /v3/api-docs} and {@code /swagger-ui.html}), and the
 * console's endpoints beside a chat ({@code /api/console/shop/**}, agents' log-in).
 */
package xiaoer.console.shop;
