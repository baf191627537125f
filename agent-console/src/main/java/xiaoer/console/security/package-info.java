/**
 * Who may open what: form log-in, roles (AGENT, LEAD, TRAINER, ADMIN), CSRF for pages, REST and the STOMP CONNECT,
 * and JSON answers instead of redirects for API calls. Accounts come from the app's {@code UserDetailsService}.
 */
package xiaoer.console.security;
