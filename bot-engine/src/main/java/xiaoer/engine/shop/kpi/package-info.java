/**
 * The service desk's monthly measures with exactly the manuals' formulas and targets (domain.md §6), and the
 * complaint-trend warning the supervisor gives when complaints rise month over month.
 */
package xiaoer.engine.shop.kpi;
