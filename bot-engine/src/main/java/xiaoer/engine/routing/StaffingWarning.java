package xiaoer.engine.routing;

/**
 * Fewer ordinary seats on duty than the window requires (domain.md §7): the lead should call someone in.
 *
 * @param window      the window in force
 * @param required    its minimum
 * @param onDuty      ordinary seats ONLINE or BUSY now
 * @param messageKey  the Chinese text's key (placeholders {@code {onDuty}}, {@code {required}})
 */
public record StaffingWarning(StaffingWindow window, int required, int onDuty, String messageKey) {

    public static final String KEY = "routing.staffing.too_few";

    public String message() {
        return "Only " + onDuty + " of the " + required + " agents needed in " + window.name() + " are on duty.";
    }
}
