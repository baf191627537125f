package xiaoer.console.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The log-in page. A small HTML file with three placeholders, filled here with escaped values, because a form needs
 * the session's CSRF token and the project has no template engine.
 */
@RestController
public class LoginPageController {

    private final String template = load("/xiaoer/console/login.html");

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String loginPage(HttpServletRequest request, CsrfToken csrf) {
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"notice error\" id=\"login-error\">用户名或密码错误 · Wrong username or password</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"notice\" id=\"logout-notice\">您已退出登录 · You have logged out</p>";
        }
        return template.replace("{{notice}}", notice)
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static String load(String resource) {
        try (InputStream in = LoginPageController.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
