package xiaoer.console.security;

/** The role names of the product, without Spring's {@code ROLE_} prefix. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String LEAD = "LEAD";
    public static final String TRAINER = "TRAINER";
    public static final String ADMIN = "ADMIN";

    /** Who may serve shoppers: leads and admins can do what agents do. */
    static final String[] CONSOLE = {AGENT, LEAD, ADMIN};
    /** Who may use the trainer workspace. */
    static final String[] TRAINING = {TRAINER, LEAD, ADMIN};
    /** Every staff role. */
    static final String[] STAFF = {AGENT, LEAD, TRAINER, ADMIN};

    private Roles() {
    }
}
