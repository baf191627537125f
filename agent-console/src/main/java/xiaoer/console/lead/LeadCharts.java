package xiaoer.console.lead;

import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Survey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time series for the lead's charts, computed from the stored events of the conversations started in the window:
 * queue length at the end of each bucket, average wait until an agent joined, average first response of the agent,
 * hand-off rate, and the satisfaction answers.
 */
final class LeadCharts {

    /** One bucket; averages are null when nothing happened in it. */
    record Bucket(Instant start, int queueLength, Double avgWaitSeconds, Double avgFirstResponseSeconds,
                  int conversations, int handoffs, Double handoffRate, int satisfied, int neutral, int dissatisfied) {
    }

    record Series(int bucketMinutes, Instant from, Instant to, List<Bucket> buckets) {
    }

    /** A conversation's waiting spell: from the hand-off to an agent joining (or leaving a message, or now). */
    private record Spell(Instant from, Instant to) {
    }

    private static final int MAX_CONVERSATIONS = 5000;

    private LeadCharts() {
    }

    static Series compute(ChatEngine engine, Instant now, int hours, int bucketMinutes) {
        Duration bucket = Duration.ofMinutes(bucketMinutes);
        Instant to = now;
        long count = Math.max(1, Duration.ofHours(hours).dividedBy(bucket));
        Instant from = to.minus(bucket.multipliedBy(count));
        int n = (int) count;
        int[] queue = new int[n];
        double[] waitSum = new double[n];
        int[] waitN = new int[n];
        double[] firstSum = new double[n];
        int[] firstN = new int[n];
        int[] started = new int[n];
        int[] handoffs = new int[n];
        int[] sat = new int[n];
        int[] neu = new int[n];
        int[] dis = new int[n];
        int seen = 0;
        for (ConversationStatus status : ConversationStatus.values()) {
            for (Conversation c : engine.conversations(status)) {
                if (c.updatedAt() != null && c.updatedAt().isBefore(from)) continue;
                if (++seen > MAX_CONVERSATIONS) break;
                List<ChatEvent> events = engine.history(c.id());
                boolean shopperSpoke = false;
                boolean handedOff = false;
                List<Spell> spells = new ArrayList<>();
                Instant waitingSince = null;
                Instant joinedAt = null;
                for (ChatEvent e : events) {
                    String stage = e.meta().get("stage");
                    if (e.from() == Sender.SHOPPER) shopperSpoke = true;
                    if (e.from() == Sender.BOT && e.meta().containsKey("handoff")) {
                        handedOff = true;
                        if (waitingSince == null) waitingSince = e.at();
                    }
                    if ("joined".equals(stage)) {
                        if (waitingSince != null) spells.add(new Spell(waitingSince, e.at()));
                        waitingSince = null;
                        joinedAt = e.at();
                        String waited = e.meta().get("waitedSeconds");
                        String how = e.meta().get("how");
                        if (waited != null && ("routed".equals(how) || "picked".equals(how))) {
                            add(waitSum, waitN, index(e.at(), from, bucket, n), Double.parseDouble(waited));
                        }
                    }
                    if ("message_left".equals(stage) && waitingSince != null) {
                        spells.add(new Spell(waitingSince, e.at()));
                        waitingSince = null;
                    }
                    if (e.from() == Sender.AGENT && !e.internal() && joinedAt != null) {
                        add(firstSum, firstN, index(joinedAt, from, bucket, n),
                                Duration.between(joinedAt, e.at()).toMillis() / 1000.0);
                        joinedAt = null;
                    }
                    if (Survey.ANSWER_STAGE.equals(stage)) {
                        int i = index(e.at(), from, bucket, n);
                        if (i >= 0) {
                            String r = e.meta().get(Survey.META_KEY);
                            if (Survey.SATISFIED.equals(r)) sat[i]++;
                            else if (Survey.NEUTRAL.equals(r)) neu[i]++;
                            else if (Survey.DISSATISFIED.equals(r)) dis[i]++;
                        }
                    }
                }
                if (waitingSince != null && c.status() == ConversationStatus.QUEUED) {
                    spells.add(new Spell(waitingSince, null));
                }
                int i = index(c.createdAt(), from, bucket, n);
                if (i >= 0 && shopperSpoke) {
                    started[i]++;
                    if (handedOff) handoffs[i]++;
                }
                for (int b = 0; b < n; b++) {
                    Instant end = from.plus(bucket.multipliedBy(b + 1L));
                    if (end.isAfter(now)) end = now;
                    for (Spell s : spells) {
                        if (!s.from().isAfter(end) && (s.to() == null || s.to().isAfter(end))) queue[b]++;
                    }
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            buckets.add(new Bucket(from.plus(bucket.multipliedBy(b)), queue[b], avg(waitSum[b], waitN[b]),
                    avg(firstSum[b], firstN[b]), started[b], handoffs[b],
                    started[b] == 0 ? null : (double) handoffs[b] / started[b], sat[b], neu[b], dis[b]));
        }
        return new Series(bucketMinutes, from, to, buckets);
    }

    private static int index(Instant at, Instant from, Duration bucket, int n) {
        if (at == null || at.isBefore(from)) return -1;
        long i = Duration.between(from, at).dividedBy(bucket);
        return i >= n ? n - 1 : (int) i;
    }

    private static void add(double[] sum, int[] count, int i, double value) {
        if (i < 0) return;
        sum[i] += value;
        count[i]++;
    }

    private static Double avg(double sum, int n) {
        return n == 0 ? null : Math.round(sum / n * 10) / 10.0;
    }
}
