package xiaoer.engine.shop.tickets;

/** How a request is classified (domain.md §5). */
public enum TicketKind {
    /** 報修: a product fault or repair */
    REPAIR,
    /** 投訴: a complaint */
    COMPLAINT,
    /** 咨詢/求助: an inquiry or request for help that needs a follow-up (e.g. "contact the courier and report back") */
    INQUIRY
}
