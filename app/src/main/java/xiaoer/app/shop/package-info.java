/**
 * JDBC storage for the shop's records (orders, shipments, identity, returns, tickets, API keys), their Spring wiring
 * and the demo shop. SQL is portable between H2 in PostgreSQL mode and PostgreSQL; the schema is V3__shop.sql.
 */
package xiaoer.app.shop;
