/**
 * Returns and exchanges: the 7-day no-reason window counted from delivery, the categories a person must decide, and
 * the request's state machine (requested → approved/rejected → parcel sent back → received → refunded/exchanged),
 * with who moved it and when at each step.
 */
package xiaoer.engine.shop.returns;
