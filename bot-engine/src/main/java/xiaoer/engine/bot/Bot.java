package xiaoer.engine.bot;

import xiaoer.engine.policy.CustomerTypeCue;
import xiaoer.engine.policy.CustomerTypeDetector;
import xiaoer.engine.policy.CustomerTypeResult;
import xiaoer.engine.policy.FollowUp;
import xiaoer.engine.policy.FollowUpResolver;
import xiaoer.engine.policy.HandoffReason;
import xiaoer.engine.policy.HandoffRules;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;
import xiaoer.kb.Candidate;
import xiaoer.kb.Decision;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Retrieval;
import xiaoer.kb.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the bot's answer to one message the way the manuals ask: understand it in the context of the last topic,
 * match a script, word it for the kind of customer (facts locked), answer from the shopper's records where the script
 * needs them, lint the text, and hand over to a person — politely, never "I don't know" — when it is not sure, when
 * asked, when the shopper is angry or complains.
 */
public final class Bot {

    /** Scripts whose match means "a person, please". */
    private static final String HUMAN_SCRIPT = "human";
    private static final String FAREWELL_SCRIPT = "thanks_bye";
    /** After-sales answers open by calming and apologising (domain.md §1). */
    private static final Set<String> CALM_FIRST_CATEGORIES = Set.of("aftersales", "logistics", "complaint");
    private static final List<String> APOLOGY_WORDS = List.of("抱歉", "不好意思", "对不起", "對不起", "sorry", "Sorry");
    private static final int SUGGESTIONS = 3;

    private final KnowledgeBase kb;
    private final Linter linter;
    private final ServiceTexts texts;
    private final CustomerTypeDetector types;
    private final HandoffRules handoffRules;
    private final FollowUpResolver followUps;
    private final RecordAnswers records;

    public Bot(KnowledgeBase kb, Linter linter, ServiceTexts texts, CustomerTypeDetector types,
               HandoffRules handoffRules, FollowUpResolver followUps, RecordAnswers records) {
        this.kb = kb;
        this.linter = linter;
        this.texts = texts;
        this.types = types;
        this.handoffRules = handoffRules;
        this.followUps = followUps;
        this.records = records;
    }

    /** A bot with the manuals' default rules and no shop records. */
    public static Bot withDefaults(KnowledgeBase kb, Linter linter, ServiceTexts texts) {
        return new Bot(kb, linter, texts, new CustomerTypeDetector(), new HandoffRules(), new FollowUpResolver(),
                RecordAnswers.NONE);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public RecordAnswers records() {
        return records;
    }

    /** The decision for a sentence outside a conversation (the explain endpoint): no records are read. */
    public BotTurn decide(String text, String lang, List<String> earlierShopperTexts) {
        return decide(text, lang, BotContext.of(earlierShopperTexts));
    }

    public BotTurn decide(String text, String lang, BotContext ctx) {
        List<String> shopperTexts = new ArrayList<>(ctx.earlierShopperTexts());
        shopperTexts.add(text);
        // the service's own sentences in the shopper's language; scripts speak their own
        ServiceTexts say = texts.in(lang != null && !lang.isBlank() ? lang : ShopperLanguage.of(shopperTexts));
        CustomerTypeResult type = types.detect(shopperTexts);
        String customerType = type.type();
        List<String> cues = type.cues().stream().map(CustomerTypeCue::phrase).distinct().toList();

        // slot filling: the shopper answers the bot's question for an order number
        if (ctx.awaitingScriptId() != null && ctx.visitor() != null) {
            Optional<RecordReply> pending = records.answer(ctx.awaitingScriptId(), ctx.visitor(), ctx.conversationId(),
                    shopperTexts);
            // answered (or asked again, e.g. a wrong tail) when the message gives an order number or a tail
            if (pending.isPresent() && (pending.get().awaiting() == null || records.fillsSlot(text))) {
                Retrieval none = new Retrieval(Decision.ANSWER, 1.0, List.of(), List.of(), false, null);
                return fromRecords(ctx.awaitingScriptId(), none, customerType, cues, pending.get(), List.of());
            }
        }

        FollowUp followUp = followUps.resolve(text, ctx.previousScriptId(), ctx.previousShopperText());
        Retrieval r = kb.retrieve(followUp.retrievalText(), lang);
        int streak = r.decision() == Decision.ANSWER ? 0 : ctx.unsureStreak() + 1;
        Optional<HandoffReason> handoff = handoffRules.evaluate(text, streak, customerType);
        // the script in the language the message was matched in: an English message gets the English answer
        Script script = r.decision() == Decision.ANSWER ? kb.script(r.bestScriptId(), r.lang()).orElse(null) : null;

        if (handoff.isPresent()) {
            return handOff(r, script, customerType, cues, handoff.get(), ctx, text, say);
        }
        if (handoffRules.declinesPerson(text)) {
            String ok = say.get("handoff.declined");
            return new BotTurn(Decision.ANSWER, null, r.score(), r.candidates(), r.tokens(), customerType, cues,
                    linter.check(ok), ok, List.of(), null, r.semanticUsed(), null, null);
        }
        if (script != null && HUMAN_SCRIPT.equals(script.id())) {
            return handOff(r, script, customerType, cues, new HandoffReason(HandoffReason.KEYWORD, null, false), ctx,
                    text, say);
        }
        if (script != null) {
            Optional<RecordReply> fromRecords = records.answer(script.id(), ctx.visitor(), ctx.conversationId(),
                    shopperTexts);
            if (fromRecords.isPresent()) {
                return fromRecords(script.id(), r, customerType, cues, fromRecords.get(), script.quickReplies());
            }
            return answer(script, r, customerType, cues, ctx, say);
        }
        if (r.decision() == Decision.SUGGEST) {
            List<QuickReply> buttons = suggestions(r, say);
            if (!buttons.isEmpty()) {
                String intro = say.get("suggest.intro");
                return new BotTurn(Decision.SUGGEST, null, r.score(), r.candidates(), r.tokens(), customerType, cues,
                        linter.check(intro), intro, buttons, null, r.semanticUsed(), null, null);
            }
        }
        return handOff(r, null, customerType, cues, new HandoffReason("no_match", null, false), ctx, text, say);
    }

    private BotTurn answer(Script script, Retrieval r, String customerType, List<String> cues, BotContext ctx,
                           ServiceTexts say) {
        String variant = customerType != null && script.variants().containsKey(customerType) ? customerType : null;
        String text = script.answerFor(variant);
        if (FAREWELL_SCRIPT.equals(script.id()) && ctx.visitor() != null && records.hasBought(ctx.visitor())) {
            text = say.get("farewell.bought");
        }
        text = calmFirst(script, text);
        List<LintFinding> lint = linter.check(text);
        if (!lint.isEmpty() && variant != null) {
            // a variant that breaks the rules never reaches the shopper: fall back to the plain answer
            variant = null;
            text = calmFirst(script, script.answer());
            lint = linter.check(text);
        }
        return new BotTurn(Decision.ANSWER, script.id(), r.score(), r.candidates(), r.tokens(), customerType, cues,
                lint, text, script.quickReplies(), null, r.semanticUsed(), variant, null);
    }

    private BotTurn fromRecords(String scriptId, Retrieval r, String customerType, List<String> cues, RecordReply reply,
                                List<QuickReply> quickReplies) {
        String text = reply.text();
        return new BotTurn(Decision.ANSWER, scriptId, r.score(), r.candidates(), r.tokens(), customerType, cues,
                linter.check(text), text, reply.handoffReason() == null ? quickReplies : List.of(),
                reply.handoffReason(), r.semanticUsed(), null, reply.awaiting());
    }

    private BotTurn handOff(Retrieval r, Script script, String customerType, List<String> cues, HandoffReason reason,
                            BotContext ctx, String shopperText, ServiceTexts say) {
        String text = switch (reason.code()) {
            case HandoffReason.KEYWORD -> say.get("handoff.requested");
            case HandoffReason.ANGRY -> say.get("handoff.angry");
            case HandoffReason.COMPLAINT -> complaintText(ctx, shopperText, say);
            default -> say.get("handoff.polite");
        };
        Decision decision = reason.code().equals(HandoffReason.KEYWORD) || reason.code().equals(HandoffReason.COMPLAINT)
                ? Decision.ANSWER : Decision.HANDOFF;
        String scriptId = decision == Decision.ANSWER && script != null ? script.id() : null;
        return new BotTurn(decision, scriptId, r.score(), r.candidates(), r.tokens(), customerType, cues,
                linter.check(text), text, List.of(), reason.code(), r.semanticUsed(), null, null);
    }

    private String complaintText(BotContext ctx, String shopperText, ServiceTexts say) {
        String ticketNo = ctx.visitor() == null ? null
                : records.openComplaint(ctx.visitor(), ctx.conversationId(), shopperText);
        return ticketNo == null ? say.get("handoff.angry") : say.get("handoff.complaint", Map.of("ticketNo", ticketNo));
    }

    private static QuickReply personButton(ServiceTexts say) {
        String[] item = say.get("menu.person").split("\\|", 2);
        return new QuickReply(item[0], item.length > 1 ? item[1] : item[0]);
    }

    private String calmFirst(Script script, String text) {
        if (script.category() == null || !CALM_FIRST_CATEGORIES.contains(script.category())) return text;
        for (String w : APOLOGY_WORDS) {
            if (text.contains(w)) return text;
        }
        // the calming sentence in the answer's language, a space between English sentences
        String calm = texts.in(script.lang()).get("aftersales.calm");
        return "zh".equals(script.lang()) ? calm + text : calm + " " + text;
    }

    private List<QuickReply> suggestions(Retrieval r, ServiceTexts say) {
        List<QuickReply> buttons = new ArrayList<>();
        for (Candidate c : r.candidates()) {
            if (buttons.size() == SUGGESTIONS) break;
            kb.script(c.scriptId(), r.lang()).filter(s -> !s.questions().isEmpty() && !HUMAN_SCRIPT.equals(s.id()))
                    .ifPresent(s -> buttons.add(new QuickReply(s.questions().get(0), s.questions().get(0))));
        }
        if (!buttons.isEmpty()) buttons.add(personButton(say)); // the menu's way out when the bot is unsure (§7)
        return buttons;
    }
}
