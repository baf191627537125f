package xiaoer.console.shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import xiaoer.engine.shop.ShopApiKey;
import xiaoer.engine.shop.ShopApiKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Authenticates the shop's system by its API key ({@code X-Api-Key}): the key's SHA-256 is looked up, the shop it
 * belongs to becomes the request's shop (attribute {@link #SHOP}) and principal {@code shop:<name>} with role
 * SHOP_API. A missing or unknown key gets a 401 JSON answer and goes no further.
 */
public class ShopApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";
    public static final String SHOP = "xiaoer.shop";
    private static final int MAX_KEY_LENGTH = 200;

    private final ShopApiKeys keys;

    public ShopApiKeyFilter(ShopApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<String> shop = key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH ? Optional.empty()
                : keys.shopForHash(ShopApiKey.hash(key.strip()));
        if (shop.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Send a valid shop API key in the "
                    + HEADER + " header.\"}");
            return;
        }
        request.setAttribute(SHOP, shop.get());
        var auth = UsernamePasswordAuthenticationToken.authenticated("shop:" + shop.get(), null,
                AuthorityUtils.createAuthorityList("ROLE_SHOP_API"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
