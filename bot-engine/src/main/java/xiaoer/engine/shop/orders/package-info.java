/**
 * Orders and their shipment events as the shop's own system reports them (the integration API upserts orders and
 * appends events). Validation lives here so the API, the demo data and tests refuse the same input the same way.
 */
package xiaoer.engine.shop.orders;
