package xiaoer.engine.routing;

/**
 * Every business refusal of routing and the seat board: a stable code for clients, an English message template and
 * the key of the Chinese text in {@code /xiaoer/engine/routing/texts.properties}. Placeholders look like {@code {agent}}.
 */
public enum RefusalCode {
    UNKNOWN_AGENT("unknown_agent", "There is no agent {agent}."),
    UNKNOWN_CONVERSATION("unknown_conversation", "Conversation {conversation} is neither waiting nor assigned."),
    ALREADY_QUEUED("already_queued", "Conversation {conversation} is already waiting."),
    ALREADY_ASSIGNED("already_assigned", "Conversation {conversation} is already assigned to an agent."),
    AGENT_UNAVAILABLE("agent_unavailable", "{agent} is {status} and cannot take conversations now."),
    WRONG_SKILL("wrong_skill", "{agent} does not serve the {skill} group."),
    AT_CAPACITY("at_capacity", "{agent} already holds {capacity} conversations."),
    NOT_OWNER("not_owner", "Conversation {conversation} is not assigned to {agent}."),
    SAME_AGENT("same_agent", "Conversation {conversation} is already with {agent}."),
    NOTE_REQUIRED("note_required", "A transfer needs a note for the next agent."),
    TOO_MANY_AWAY("too_many_away", "{away} agents are away already (at most {max} at a time); try again when one is back."),
    DEPUTY_REQUIRED("deputy_required", "{agent} is in charge: name an online deputy before leaving."),
    DEPUTY_UNAVAILABLE("deputy_unavailable", "The deputy {deputy} must be another agent who is online or busy."),
    EMPTY_HANDOVER("empty_handover", "A hand-over needs a note or unfinished work to carry over."),
    UNKNOWN_HANDOVER("unknown_handover", "There is no hand-over {handover}."),
    ALREADY_ACKNOWLEDGED("already_acknowledged", "Hand-over {handover} was acknowledged by {agent} already."),
    OWN_HANDOVER("own_handover", "The next shift acknowledges a hand-over, not the one who wrote it.");

    private final String code;
    private final String template;

    RefusalCode(String code, String template) {
        this.code = code;
        this.template = template;
    }

    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    /** The key of the Chinese text: {@code routing.refused.<code>}. */
    public String messageKey() {
        return "routing.refused." + code;
    }
}
