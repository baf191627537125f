-- Damaged / missing / wrong items (issue 6, domain.md §8): shoppers' photos, damage reports, their sign-offs.
-- Photos live in the database so every app node serves them. Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table shop_attachments (
    id               varchar(36)   not null primary key,
    shop             varchar(64)   not null,
    visitor_id       varchar(64)   not null,
    conversation_id  varchar(64)   not null,
    media_type       varchar(32)   not null,
    size_bytes       bigint        not null,
    data             bytea         not null,
    created_at       timestamp with time zone not null
);
create index shop_attachments_conversation on shop_attachments (conversation_id);

create table shop_damage_reports (
    id               varchar(36)   not null primary key,
    shop             varchar(64)   not null,
    conversation_id  varchar(64),
    visitor_id       varchar(64)   not null,
    order_no         varchar(64),
    kind             varchar(16)   not null,
    description      varchar(2000),
    attachment_ids   varchar(1000) not null,
    opened_by        varchar(100)  not null,
    opened_at        timestamp with time zone not null,
    decision         varchar(16),
    decision_note    varchar(1000),
    decided_by       varchar(100),
    decided_at       timestamp with time zone,
    version          int           not null
);
create index shop_damage_reports_visitor on shop_damage_reports (shop, visitor_id);

-- one signature per role per report, whatever races
create table shop_damage_sign_offs (
    report_id   varchar(36)   not null,
    role        varchar(32)   not null,
    signed_by   varchar(100)  not null,
    signed_at   timestamp with time zone not null,
    note        varchar(1000),
    primary key (report_id, role)
);
