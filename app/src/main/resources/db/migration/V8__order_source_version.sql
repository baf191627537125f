-- When the shop's own system last changed an order (optional "updatedAt" of the integration API): an update older
-- than the stored one arrived late and is refused, instead of silently undoing a newer state.
alter table shop_orders add column source_updated_at timestamp with time zone;
