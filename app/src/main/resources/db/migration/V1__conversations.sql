-- Conversations, their events and the visitors' sequence counters. Portable between H2 (PostgreSQL mode) and PostgreSQL.
create table visitors (
    shop        varchar(64)  not null,
    visitor_id  varchar(64)  not null,
    last_seq    bigint       not null,
    primary key (shop, visitor_id)
);

create table conversations (
    id              varchar(36)  primary key,
    shop            varchar(64)  not null,
    visitor_id      varchar(64)  not null,
    verified        boolean      not null,
    customer_name   varchar(100),
    status          varchar(16)  not null,
    agent_id        varchar(64),
    agent_name      varchar(100),
    handoff_reason  varchar(32),
    created_at      timestamp with time zone not null,
    queued_at       timestamp with time zone,
    updated_at      timestamp with time zone not null
);
create index conversations_visitor on conversations (shop, visitor_id, status);
create index conversations_status on conversations (status);

create table chat_events (
    shop             varchar(64)   not null,
    visitor_id       varchar(64)   not null,
    seq              bigint        not null,
    conversation_id  varchar(36)   not null references conversations (id),
    sender           varchar(16)   not null,
    text             varchar(8000) not null,
    at               timestamp with time zone not null,
    quick_replies    varchar(4000),
    agent_name       varchar(100),
    client_msg_id    varchar(100),
    internal         boolean       not null,
    meta             varchar(2000),
    primary key (shop, visitor_id, seq)
);
-- a repeated clientMsgId is stored once (NULLs, the server's own events, do not collide)
create unique index chat_events_client_msg on chat_events (conversation_id, client_msg_id);
create index chat_events_conversation on chat_events (conversation_id, seq);

create table users (
    username       varchar(64)  primary key,
    password_hash  varchar(100) not null,
    display_name   varchar(100) not null,
    roles          varchar(200) not null,
    enabled        boolean      not null
);
