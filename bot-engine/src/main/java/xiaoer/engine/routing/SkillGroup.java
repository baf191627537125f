package xiaoer.engine.routing;

/** The groups agents serve in (issue 7): pre-sales, after-sales and complaints. */
public enum SkillGroup {
    PRESALES, AFTERSALES, COMPLAINTS;

    /** Lower-case name for wires and configuration. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
