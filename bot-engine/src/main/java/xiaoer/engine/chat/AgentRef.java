package xiaoer.engine.chat;

/** An agent as the engine needs to know them: an id for ownership and the name the shopper sees. */
public record AgentRef(String id, String name) {
}
