-- Seats (issue 7): the groups an agent serves and how many chats at once. NULL skills: every group for an agent,
-- none for a lead (leads pick from the queue, routing does not send them chats). NULL max_chats: 10.
alter table users add column skills varchar(200);
alter table users add column max_chats integer;
-- the demo agents (on a fresh database they are created after this migration and keep the defaults above)
update users set skills = 'presales,aftersales,complaints' where username in ('agent', 'agent2');
update users set skills = '' where username in ('lead', 'admin');
