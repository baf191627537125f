package xiaoer.console.shop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import xiaoer.engine.shop.damage.DamageRules;
import xiaoer.engine.shop.damage.UploadRules;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Shoppers' photos and damage reports ({@code xiaoer.shop.damage.*}).
 *
 * @param maxFileSize        largest photo (default 5MB)
 * @param maxPerConversation photos one conversation may hold (default 10)
 * @param tokenTtl           validity of an upload token (default 10m)
 * @param tokenSecret        HMAC secret of upload tokens; every node of a cluster needs the same one. Unset: a random
 *                           secret per start (fine for the embedded single node)
 * @param allowedOrigins     origins (besides the page's own) allowed to POST photos from the browser, e.g. the shop's
 *                           site embedding the widget; default none: same origin only
 * @param signOffRoles       roles that sign a report, each a different person (default AGENT, LEAD)
 * @param decideRoles        roles that may record the decision (default LEAD, ADMIN)
 */
@ConfigurationProperties("xiaoer.shop.damage")
public record DamageProperties(@DefaultValue("5MB") DataSize maxFileSize,
                               @DefaultValue("10") int maxPerConversation,
                               @DefaultValue("10m") Duration tokenTtl,
                               String tokenSecret,
                               @DefaultValue({}) List<String> allowedOrigins,
                               @DefaultValue({"AGENT", "LEAD"}) List<String> signOffRoles,
                               @DefaultValue({"LEAD", "ADMIN"}) Set<String> decideRoles) {

    public UploadRules uploadRules() {
        return new UploadRules(maxFileSize.toBytes(), maxPerConversation, tokenTtl);
    }

    public DamageRules damageRules() {
        return new DamageRules(signOffRoles, decideRoles);
    }
}
