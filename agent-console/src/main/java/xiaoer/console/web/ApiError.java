package xiaoer.console.web;

/**
 * The one error shape of the console's APIs.
 *
 * @param error   a stable code for programs (bad_request, not_found, not_waiting, lint, ...)
 * @param message a sentence for people
 */
public record ApiError(String error, String message) {
}
