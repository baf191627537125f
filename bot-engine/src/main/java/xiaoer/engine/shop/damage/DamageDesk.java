package xiaoer.engine.shop.damage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.shop.ConcurrentUpdateException;
import xiaoer.engine.shop.FieldErrors;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.RecordNotFoundException;
import xiaoer.engine.shop.ShopRuleException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Damaged / missing / wrong items (domain.md §8): shoppers' photos (images only, size and count limits, bound to
 * their conversation by an upload token) and the damage reports the responsible people sign before the shop decides.
 */
public final class DamageDesk {

    private static final Logger log = LoggerFactory.getLogger(DamageDesk.class);

    private final AttachmentStore attachments;
    private final DamageReportRepository reports;
    private final UploadTokens tokens;
    private final UploadRules uploadRules;
    private final DamageRules rules;
    private final Clock clock;

    public DamageDesk(AttachmentStore attachments, DamageReportRepository reports, UploadTokens tokens,
                      UploadRules uploadRules, DamageRules rules, Clock clock) {
        this.attachments = attachments;
        this.reports = reports;
        this.tokens = tokens;
        this.uploadRules = uploadRules;
        this.rules = rules;
        this.clock = clock;
    }

    public UploadRules uploadRules() {
        return uploadRules;
    }

    public DamageRules rules() {
        return rules;
    }

    /** An upload token for the visitor's conversation (the widget server asks for it over its socket). */
    public String issueToken(String shop, String visitorId, String conversationId) {
        return tokens.issue(shop, visitorId, conversationId, now().plus(uploadRules.tokenTtl()));
    }

    /** @throws UploadRefusedException with code {@code token} for anything but a genuine, unexpired token */
    public UploadGrant checkToken(String token) {
        return tokens.verify(token, now())
                .orElseThrow(() -> new UploadRefusedException("token", "the upload token is missing, invalid or expired"));
    }

    /**
     * Checks and stores a photo under the grant's conversation, without the location and text a camera or editor
     * wrote into it ({@link PhotoScrubber}). {@code data} holds at most {@code maxBytes + 1} bytes as read; nothing is
     * stored when any check fails.
     */
    public Attachment store(UploadGrant grant, byte[] data) {
        if (data == null || data.length == 0) throw new UploadRefusedException("empty", "the file is empty");
        if (data.length > uploadRules.maxBytes()) {
            throw new UploadRefusedException("too_large", "the file is larger than " + uploadRules.maxBytes() + " bytes");
        }
        ImageType type = ImageType.sniff(data)
                .orElseThrow(() -> new UploadRefusedException("not_image", "only JPEG, PNG, WebP or GIF images are accepted"));
        if (attachments.countForConversation(grant.conversationId()) >= uploadRules.maxPerConversation()) {
            throw new UploadRefusedException("too_many",
                    "a conversation holds at most " + uploadRules.maxPerConversation() + " photos");
        }
        byte[] scrubbed = PhotoScrubber.scrub(type, Arrays.copyOf(data, data.length)); // no location kept
        Attachment a = new Attachment(UUID.randomUUID().toString(), grant.shop(), grant.visitorId(),
                grant.conversationId(), type.mediaType(), scrubbed.length, now());
        attachments.insert(a, scrubbed);
        log.info("photo {} ({} bytes, {}) stored for conversation {}", a.id(), a.size(), a.mediaType(), a.conversationId());
        return a;
    }

    public Optional<Attachment> attachment(String id) {
        return attachments.findAttachment(id);
    }

    public Optional<byte[]> attachmentData(String id) {
        return attachments.data(id);
    }

    public List<Attachment> attachments(String conversationId) {
        return attachments.forConversation(conversationId);
    }

    /** Opens a report on a conversation's case; the photos must belong to that shopper. */
    public DamageReport open(String shop, String conversationId, String visitorId, String orderNo, DamageKind kind,
                             String description, List<String> attachmentIds, String openedBy) {
        FieldErrors errors = new FieldErrors();
        if (kind == null) errors.add("kind", "is required: DAMAGED, MISSING or WRONG_ITEM");
        String desc = errors.optionalText("description", description, 2000);
        String order = errors.optionalText("orderNo", orderNo, 64);
        List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
        if (ids.size() > uploadRules.maxPerConversation()) errors.add("attachmentIds", "too many photos");
        errors.throwIfAny();
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Attachment a = id == null ? null : attachments.findAttachment(id).orElse(null);
            if (a == null || !a.shop().equals(shop) || !a.visitorId().equals(visitorId)) {
                throw InvalidInputException.of("attachmentIds[" + i + "]", "is not a photo of this shopper");
            }
            if (!checked.contains(id)) checked.add(id);
        }
        DamageReport r = new DamageReport(UUID.randomUUID().toString(), shop, conversationId, visitorId, order, kind,
                desc, checked, openedBy, now(), List.of(), null, null, null, null, 0);
        reports.insert(r);
        log.info("damage report {} ({}) opened by {} for {}", r.id(), kind, openedBy, visitorId);
        return r;
    }

    public Optional<DamageReport> find(String id) {
        return reports.find(id);
    }

    public List<DamageReport> forVisitor(String shop, String visitorId) {
        return reports.forVisitor(shop, visitorId);
    }

    /**
     * Signs in {@code role} (or, when null, the first required role not yet signed that the person holds).
     *
     * @param rolesHeld the signer's roles; ADMIN may sign in any role
     */
    public DamageReport signOff(String id, String role, String by, Set<String> rolesHeld, String note) {
        DamageReport r = reports.find(id).orElseThrow(() -> new RecordNotFoundException("damage report", id));
        FieldErrors errors = new FieldErrors();
        String n = errors.optionalText("note", note, 1000);
        errors.throwIfAny();
        String as = role;
        if (as == null) {
            // the most senior role still to sign that the person holds (the rules list roles junior first)
            List<String> missing = new ArrayList<>(r.missingSignOffs(rules));
            java.util.Collections.reverse(missing);
            as = missing.stream().filter(x -> holds(rolesHeld, x)).findFirst()
                    .orElseThrow(() -> new ShopRuleException("sign_off_role",
                            "none of your roles " + rolesHeld + " is still to sign; needed: " + r.missingSignOffs(rules)));
        } else if (!holds(rolesHeld, as)) {
            throw new ShopRuleException("sign_off_role", "you do not hold the role " + as);
        }
        DamageReport next = r.signOff(as, by, now(), n, rules);
        if (!reports.update(next)) throw new ConcurrentUpdateException("damage report", id);
        log.info("damage report {} signed as {} by {}", id, as, by);
        return reports.find(id).orElseThrow();
    }

    /** Records the shop's decision once every sign-off is there; only the rules' deciding roles may. */
    public DamageReport decide(String id, DamageDecision decision, String note, String by, Set<String> rolesHeld) {
        DamageReport r = reports.find(id).orElseThrow(() -> new RecordNotFoundException("damage report", id));
        FieldErrors errors = new FieldErrors();
        if (decision == null) errors.add("decision", "is required: REFUND, RESEND or REJECT");
        String n = errors.optionalText("note", note, 1000);
        errors.throwIfAny();
        if (rolesHeld.stream().noneMatch(rules.decideRoles()::contains)) {
            throw new ShopRuleException("decide_role", "only " + rules.decideRoles() + " may decide a damage report");
        }
        DamageReport next = r.decide(decision, n, by, now(), rules);
        if (!reports.update(next)) throw new ConcurrentUpdateException("damage report", id);
        log.info("damage report {} decided {} by {}", id, decision, by);
        return reports.find(id).orElseThrow();
    }

    private static boolean holds(Set<String> rolesHeld, String role) {
        return rolesHeld.contains(role) || rolesHeld.contains("ADMIN");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
