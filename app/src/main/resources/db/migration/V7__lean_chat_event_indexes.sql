-- One index fewer to update (and, on H2, to write out at every group commit) for every stored event (issue 10). The
-- conversation store reads a conversation's events through the primary key (shop, visitor_id, seq) now, so
-- (conversation_id, seq) served no query any more; what still looks events up by conversation_id alone (the
-- trainer's learning loop, the foreign key's checks) has chat_events_client_msg, whose first column is
-- conversation_id (and, on H2, the foreign key's own index).
drop index if exists chat_events_conversation;
