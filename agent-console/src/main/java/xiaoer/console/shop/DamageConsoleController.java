package xiaoer.console.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.RecordNotFoundException;
import xiaoer.engine.shop.ShopNotices;
import xiaoer.engine.shop.damage.Attachment;
import xiaoer.engine.shop.damage.DamageDecision;
import xiaoer.engine.shop.damage.DamageDesk;
import xiaoer.engine.shop.damage.DamageKind;
import xiaoer.engine.shop.damage.DamageReport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Damaged / missing / wrong items in the console (domain.md §8): the shopper's photos (served only to logged-in
 * staff), damage reports, the responsible people's sign-offs and the shop's decision, which reaches the shopper.
 */
@RestController
@RequestMapping("/api/console/shop")
public class DamageConsoleController {

    private static final Logger log = LoggerFactory.getLogger(DamageConsoleController.class);

    private final DamageDesk desk;
    private final ConversationStore conversations;
    private final ChatEngine engine;
    private final ShopNotices notices = new ShopNotices();

    public DamageConsoleController(DamageDesk desk, ConversationStore conversations, ChatEngine engine) {
        this.desk = desk;
        this.conversations = conversations;
        this.engine = engine;
    }

    public record NewReport(String conversationId, String orderNo, DamageKind kind, String description,
                            List<String> attachmentIds) {
    }

    public record SignOffRequest(String role, String note) {
    }

    public record DecisionRequest(DamageDecision decision, String note) {
    }

    /** The conversation shopper's reports (newest first), their photos in this conversation, and the rules. */
    public record DamageView(List<DamageReport> reports, List<Attachment> attachments, List<String> signOffRoles,
                             Set<String> decideRoles) {
    }

    @GetMapping("/damage-reports")
    public DamageView reports(@RequestParam String conversationId) {
        Conversation c = conversation(conversationId);
        return new DamageView(desk.forVisitor(c.shop(), c.visitorId()), desk.attachments(c.id()),
                desk.rules().signOffRoles(), desk.rules().decideRoles());
    }

    @PostMapping("/damage-reports")
    public ResponseEntity<DamageReport> open(@RequestBody NewReport r, Authentication staff) {
        if (r.conversationId() == null) throw xiaoer.engine.shop.InvalidInputException.of("conversationId", "is required");
        Conversation c = conversation(r.conversationId());
        List<String> ids = r.attachmentIds() == null ? desk.attachments(c.id()).stream().map(Attachment::id).toList()
                : r.attachmentIds();
        DamageReport report = desk.open(c.shop(), c.id(), c.visitorId(), r.orderNo(), r.kind(), r.description(), ids,
                staff.getName());
        tell(c.shop(), c.visitorId(), lang -> notices.damageOpened(report, lang), report);
        return ResponseEntity.status(201).body(report);
    }

    @GetMapping("/damage-reports/{id}")
    public DamageReport report(@PathVariable String id) {
        return desk.find(id).orElseThrow(() -> new RecordNotFoundException("damage report", id));
    }

    @PostMapping("/damage-reports/{id}/sign-offs")
    public DamageReport signOff(@PathVariable String id, @RequestBody(required = false) SignOffRequest s,
                                Authentication staff) {
        return desk.signOff(id, s == null ? null : s.role(), staff.getName(), roles(staff), s == null ? null : s.note());
    }

    @PostMapping("/damage-reports/{id}/decision")
    public DamageReport decide(@PathVariable String id, @RequestBody DecisionRequest d, Authentication staff) {
        DamageReport report = desk.decide(id, d.decision(), d.note(), staff.getName(), roles(staff));
        tell(report.shop(), report.visitorId(), lang -> notices.damageDecided(report, lang), report);
        return report;
    }

    @GetMapping("/attachments")
    public List<Attachment> attachments(@RequestParam String conversationId) {
        return desk.attachments(conversation(conversationId).id());
    }

    /** The photo itself, for staff only; the type is the one sniffed from its bytes at upload. */
    @GetMapping("/attachments/{id}")
    public ResponseEntity<byte[]> photo(@PathVariable String id) {
        Attachment a = desk.attachment(id).orElseThrow(() -> new RecordNotFoundException("attachment", id));
        byte[] data = desk.attachmentData(id).orElseThrow(() -> new RecordNotFoundException("attachment", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + a.id() + "\"")
                .body(data);
    }

    /** The notice, in the shopper's language, into their chat; a failure is logged, the decision stands. */
    private void tell(String shop, String visitorId, java.util.function.Function<String, String> text,
                      DamageReport report) {
        try {
            Visitor shopper = Visitor.anonymous(shop, visitorId);
            engine.notifyShopper(shopper, text.apply(engine.languageOf(shopper)),
                    Map.of("notice", "damage", "damageReportId", report.id()));
        } catch (RuntimeException e) {
            log.warn("could not tell {} about damage report {}: {}", visitorId, report.id(), e.toString());
        }
    }

    static Set<String> roles(Authentication staff) {
        return staff.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    }

    private Conversation conversation(String id) {
        return conversations.find(id).orElseThrow(() -> new RecordNotFoundException("conversation", id));
    }
}
