package xiaoer.engine.shop.damage;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.ShopRuleException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Photos (images only, limits, token-bound) and the sign-off rules of damage reports (domain.md §8). */
class DamageDeskTests {

    static final byte[] PNG = image("png");
    static final byte[] JPEG = image("jpg");
    static final byte[] GIF = image("gif");
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P'};

    private static byte[] image(String format) {
        try {
            return PhotoScrubberTests.image(format, 2, 2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Instant t0 = Instant.parse("2024-02-14T03:00:00Z");
    private final Memory memory = new Memory();
    private final UploadTokens tokens = UploadTokens.random();
    private final DamageDesk desk = new DamageDesk(memory, memory, tokens, new UploadRules(2000, 2, Duration.ofMinutes(5)),
            DamageRules.defaults(), Clock.fixed(t0, ZoneOffset.UTC));

    @Test
    void imagesAreRecognisedByTheirBytesOnly() {
        assertThat(ImageType.sniff(PNG)).contains(ImageType.PNG);
        assertThat(ImageType.sniff(JPEG)).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(GIF)).contains(ImageType.GIF);
        assertThat(ImageType.sniff(WEBP)).contains(ImageType.WEBP);
        assertThat(ImageType.sniff("<svg onload=alert(1)>".getBytes())).isEmpty();
        assertThat(ImageType.sniff("%PDF-1.7".getBytes())).isEmpty();
        assertThat(ImageType.sniff(new byte[]{'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'})).isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void tokensBindShopVisitorAndConversationAndExpire() {
        String token = tokens.issue("default", "v1", "c1", t0.plusSeconds(60));
        assertThat(tokens.verify(token, t0)).contains(new UploadGrant("default", "v1", "c1", t0.plusSeconds(60)));
        assertThat(tokens.verify(token, t0.plusSeconds(60))).as("inclusive").isPresent();
        assertThat(tokens.verify(token, t0.plusSeconds(61))).isEmpty();
        String forged = tokens.issue("default", "v2", "c1", t0.plusSeconds(60)).split("\\.")[0] + "." + token.split("\\.")[1];
        assertThat(tokens.verify(forged, t0)).as("another visitor's payload with this signature").isEmpty();
        assertThat(UploadTokens.random().verify(token, t0)).as("another secret").isEmpty();
        assertThat(tokens.verify("garbage", t0)).isEmpty();
        assertThat(tokens.verify(null, t0)).isEmpty();
    }

    @Test
    void refusedUploadsStoreNothing() {
        UploadGrant g = desk.checkToken(desk.issueToken("default", "v1", "c1"));
        assertThatThrownBy(() -> desk.store(g, "not an image at all".getBytes()))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "not_image");
        assertThatThrownBy(() -> desk.store(g, new byte[2001]))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "too_large");
        assertThatThrownBy(() -> desk.store(g, new byte[0]))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "empty");
        assertThatThrownBy(() -> desk.checkToken("x.00"))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "token");
        assertThat(memory.data).isEmpty();

        Attachment a = desk.store(g, PNG);
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.conversationId()).isEqualTo("c1");
        desk.store(g, JPEG);
        assertThatThrownBy(() -> desk.store(g, GIF))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "too_many");
        assertThat(memory.data).hasSize(2);
    }

    @Test
    void aReportIsSignedByAnAgentAndALeadBeforeTheLeadDecides() {
        Attachment photo = desk.store(desk.checkToken(desk.issueToken("default", "v1", "c1")), PNG);
        DamageReport r = desk.open("default", "c1", "v1", "E1", DamageKind.DAMAGED, "屏幕碎了", List.of(photo.id()), "agent");

        assertThatThrownBy(() -> desk.decide(r.id(), DamageDecision.REFUND, null, "lead", Set.of("LEAD")))
                .isInstanceOf(ShopRuleException.class).hasFieldOrPropertyWithValue("code", "sign_offs_missing");
        desk.signOff(r.id(), null, "agent", Set.of("AGENT"), "照片清楚");
        assertThatThrownBy(() -> desk.signOff(r.id(), null, "agent2", Set.of("AGENT"), null))
                .as("the agent role is signed already").isInstanceOf(ShopRuleException.class);
        assertThatThrownBy(() -> desk.signOff(r.id(), "LEAD", "agent2", Set.of("AGENT"), null))
                .as("an agent cannot sign as lead").isInstanceOf(ShopRuleException.class);
        assertThatThrownBy(() -> desk.signOff(r.id(), "LEAD", "agent", Set.of("AGENT", "ADMIN"), null))
                .as("one person signs once").hasFieldOrPropertyWithValue("code", "same_person");
        assertThatThrownBy(() -> desk.decide(r.id(), DamageDecision.REFUND, null, "lead", Set.of("LEAD")))
                .isInstanceOf(ShopRuleException.class);
        DamageReport signed = desk.signOff(r.id(), null, "lead", Set.of("LEAD"), null);
        assertThat(signed.signOffs()).extracting(SignOff::role, SignOff::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AGENT", "agent"),
                        org.assertj.core.groups.Tuple.tuple("LEAD", "lead"));
        assertThat(signed.signOffs()).allMatch(s -> s.at().equals(t0));

        assertThatThrownBy(() -> desk.decide(r.id(), DamageDecision.REFUND, null, "agent", Set.of("AGENT")))
                .hasFieldOrPropertyWithValue("code", "decide_role");
        assertThatThrownBy(() -> desk.decide(r.id(), null, null, "lead", Set.of("LEAD")))
                .isInstanceOf(InvalidInputException.class);
        DamageReport decided = desk.decide(r.id(), DamageDecision.RESEND, "补发新品", "lead", Set.of("LEAD"));
        assertThat(decided.decision()).isEqualTo(DamageDecision.RESEND);
        assertThat(decided.decidedBy()).isEqualTo("lead");
        assertThat(decided.decidedAt()).isEqualTo(t0);
        assertThatThrownBy(() -> desk.decide(r.id(), DamageDecision.REFUND, null, "lead", Set.of("LEAD")))
                .hasFieldOrPropertyWithValue("code", "report_decided");
    }

    @Test
    void aReportTakesOnlyThisShoppersPhotos() {
        Attachment other = desk.store(desk.checkToken(desk.issueToken("default", "v2", "c2")), PNG);
        assertThatThrownBy(() -> desk.open("default", "c1", "v1", null, DamageKind.WRONG_ITEM, null,
                List.of(other.id()), "agent")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> desk.open("default", "c1", "v1", null, null, null, List.of(), "agent"))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Both ports in memory. */
    static final class Memory implements AttachmentStore, DamageReportRepository {
        final Map<String, Attachment> attachments = new HashMap<>();
        final Map<String, byte[]> data = new HashMap<>();
        final Map<String, DamageReport> reports = new HashMap<>();

        @Override
        public void insert(Attachment a, byte[] bytes) {
            attachments.put(a.id(), a);
            data.put(a.id(), bytes);
        }

        @Override
        public Optional<Attachment> findAttachment(String id) {
            return Optional.ofNullable(attachments.get(id));
        }

        @Override
        public Optional<byte[]> data(String id) {
            return Optional.ofNullable(data.get(id));
        }

        @Override
        public int countForConversation(String conversationId) {
            return (int) attachments.values().stream().filter(a -> a.conversationId().equals(conversationId)).count();
        }

        @Override
        public List<Attachment> forConversation(String conversationId) {
            return attachments.values().stream().filter(a -> a.conversationId().equals(conversationId)).toList();
        }

        @Override
        public void insert(DamageReport report) {
            reports.put(report.id(), report);
        }

        @Override
        public Optional<DamageReport> find(String id) {
            return Optional.ofNullable(reports.get(id));
        }

        @Override
        public boolean update(DamageReport r) {
            DamageReport cur = reports.get(r.id());
            if (cur == null || cur.version() != r.version()) return false;
            reports.put(r.id(), new DamageReport(r.id(), r.shop(), r.conversationId(), r.visitorId(), r.orderNo(),
                    r.kind(), r.description(), r.attachmentIds(), r.openedBy(), r.openedAt(), r.signOffs(),
                    r.decision(), r.decisionNote(), r.decidedBy(), r.decidedAt(), r.version() + 1));
            return true;
        }

        @Override
        public List<DamageReport> forVisitor(String shop, String visitorId) {
            return new ArrayList<>(reports.values().stream().filter(r -> r.visitorId().equals(visitorId)).toList());
        }
    }
}
