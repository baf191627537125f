package xiaoer.app.shop;

import xiaoer.engine.testing.MovableClock;
import xiaoer.app.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.console.shop.ShopApiErrors;
import xiaoer.console.shop.ShopApiKeyFilter;
import xiaoer.console.shop.ShopIntegrationController;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.ShopApiKey;
import xiaoer.engine.shop.ShopPorts;
import xiaoer.engine.shop.ShopRules;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.identity.Identification;
import xiaoer.engine.shop.kpi.KpiReport;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderDraft;
import xiaoer.engine.shop.orders.OrderView;
import xiaoer.engine.shop.orders.ShipmentDraft;
import xiaoer.engine.shop.orders.ShipmentStatus;
import xiaoer.engine.shop.returns.IllegalTransitionException;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.returns.ReturnKind;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.OverdueTicket;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop's records against a real database: the JDBC adapters, {@link ShopService} and the integration API
 * (MockMvc on the real controller, key filter and error advice). Run on H2 and on PostgreSQL.
 */
abstract class ShopRecordsContract {

    static final Instant T0 = Instant.parse("2026-11-10T02:00:00Z");
    static final String KEY = "xk_test_key";

    TestDatabase db;
    JdbcTemplate jdbc;
    MovableClock clock;
    ShopService shop;
    MockMvc api;

    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        db = database();
        jdbc = new JdbcTemplate(db.dataSource());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        clock = new MovableClock(T0);
        ShopPorts ports = ShopConfiguration.jdbcPorts(jdbc, tx);
        shop = new ShopService(ports, ShopRules.defaults(), clock);
        JdbcShopApiKeys keys = new JdbcShopApiKeys(jdbc);
        keys.add("default", ShopApiKey.hash(KEY), "test", T0);
        api = MockMvcBuilders.standaloneSetup(new ShopIntegrationController(shop))
                .setControllerAdvice(new ShopApiErrors()).addFilters(new ShopApiKeyFilter(keys)).build();
    }

    @AfterEach
    void tearDown() {
        if (db != null) db.close();
    }

    // ---- integration API

    @Test
    void invalidOrderGetsFieldErrorsAndNothingIsStored() throws Exception {
        api.perform(put("/api/shop/orders/E100").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"buyerId":"b1","phoneTail":"12x4","status":"SHIPPED","total":10,
                                 "items":[{"sku":"S1","name":"T恤","qty":0,"unitPrice":5}],
                                 "placedAt":"2026-11-01T10:00:00+08:00","paidAt":"2026-11-01T10:01:00+08:00"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid"))
                .andExpect(jsonPath("$.fields['items[0].qty']").value("must be ≥ 1"))
                .andExpect(jsonPath("$.fields.phoneTail").exists())
                .andExpect(jsonPath("$.fields.shippedAt").value("is required when status is SHIPPED"));
        assertThat(count("shop_orders") + count("shop_order_items")).isZero();
    }

    @Test
    void wrongJsonTypeNamesTheField() throws Exception {
        api.perform(put("/api/shop/orders/E100").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buyerId\":\"b1\",\"items\":[{\"sku\":\"S1\",\"qty\":\"many\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields['items[0].qty']").exists());
        assertThat(count("shop_orders")).isZero();
    }

    @Test
    void orderUpsertCreatesThenReplacesAndAShipmentEventIsRecordedOnce() throws Exception {
        String order = """
                {"buyerId":"b1","phoneTail":"1234","status":"PAID","total":"118.00",
                 "items":[{"sku":"S1","name":"T恤","category":"服装","qty":2,"unitPrice":59}],
                 "placedAt":"2026-11-01T10:00:00+08:00","paidAt":"2026-11-01T10:01:00+08:00"}""";
        api.perform(put("/api/shop/orders/E100").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(order)).andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(true));
        api.perform(put("/api/shop/orders/E100").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(order)).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false));
        assertThat(count("shop_orders")).isEqualTo(1);
        assertThat(count("shop_order_items")).isEqualTo(1);

        String event = """
                {"carrier":"SF","trackingNo":"SF100","at":"2026-11-02T09:00:00+08:00","place":"杭州",
                 "status":"IN_TRANSIT"}""";
        api.perform(post("/api/shop/orders/E100/shipments").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(event))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.duplicate").value(false));
        api.perform(post("/api/shop/orders/E100/shipments").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(event))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
        assertThat(count("shop_shipment_events")).isEqualTo(1);
    }

    @Test
    void anUpdateThatArrivesAfterANewerOneIsRefusedAndChangesNothing() throws Exception {
        String paid = """
                {"buyerId":"b1","phoneTail":"1234","status":"PAID","total":"59.00",
                 "items":[{"sku":"S1","name":"T恤","qty":1,"unitPrice":59}],
                 "placedAt":"2026-11-01T10:00:00+08:00","paidAt":"2026-11-01T10:01:00+08:00",
                 "updatedAt":"2026-11-01T10:01:00+08:00"}""";
        String shipped = """
                {"buyerId":"b1","phoneTail":"1234","status":"SHIPPED","total":"59.00",
                 "items":[{"sku":"S1","name":"T恤","qty":1,"unitPrice":59}],
                 "placedAt":"2026-11-01T10:00:00+08:00","paidAt":"2026-11-01T10:01:00+08:00",
                 "shippedAt":"2026-11-02T09:00:00+08:00","updatedAt":"2026-11-02T09:00:00+08:00"}""";
        api.perform(put("/api/shop/orders/E200").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(shipped)).andExpect(status().isCreated());
        // the "paid" update was sent first but arrives second
        api.perform(put("/api/shop/orders/E200").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content(paid))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("stale"));
        Order stored = shop.orderForAgent("default", "E200").orElseThrow().order();
        assertThat(stored.status().name()).isEqualTo("SHIPPED");
        assertThat(stored.sourceUpdatedAt()).isEqualTo(Instant.parse("2026-11-02T01:00:00Z"));
        assertThat(count("shop_order_items")).isEqualTo(1);

        // the same version again is fine
        api.perform(put("/api/shop/orders/E200").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(shipped)).andExpect(status().isOk());
        String unversioned = paid.replace(",\n \"updatedAt\":\"2026-11-01T10:01:00+08:00\"", "");
        assertThat(unversioned).doesNotContain("updatedAt");
        // without updatedAt the last upsert wins, as before
        api.perform(put("/api/shop/orders/E200").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(unversioned)).andExpect(status().isOk());
        assertThat(shop.orderForAgent("default", "E200").orElseThrow().order().status().name()).isEqualTo("PAID");
        api.perform(put("/api/shop/orders/E200").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content(paid.replace("\"updatedAt\":\"2026-11-01", "\"updatedAt\":\"2026-11-x1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.updatedAt").exists());
    }

    @Test
    void shipmentForUnknownOrderIs404AndBadEventIs400() throws Exception {
        api.perform(post("/api/shop/orders/NOPE/shipments").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"carrier\":\"SF\",\"trackingNo\":\"1\",\"at\":\"2026-11-02T09:00:00Z\",\"status\":\"IN_TRANSIT\"}"))
                .andExpect(status().isNotFound());
        api.perform(post("/api/shop/orders/NOPE/shipments").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"carrier\":\"SF\",\"status\":\"FLYING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.trackingNo").value("is required"))
                .andExpect(jsonPath("$.fields.at").value("is required"))
                .andExpect(jsonPath("$.fields.status").exists());
    }

    @Test
    void missingOrWrongApiKeyIsRefused() throws Exception {
        api.perform(put("/api/shop/orders/E100").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
        api.perform(put("/api/shop/orders/E100").header("X-Api-Key", "xk_wrong").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from shop_api_keys where key_hash = ?", Integer.class,
                KEY)).as("the raw key is never stored").isZero();
    }

    // ---- identity (domain.md §9)

    @Test
    void signedBuyerSeesOwnOrdersAndNeverAnotherBuyers() {
        delivered("E1", "buyer-1", "1234", T0);
        delivered("E2", "buyer-2", "5678", T0);
        Visitor signed = new Visitor("default", "buyer-1", true, null);
        assertThat(shop.ordersForVisitor(signed)).extracting(v -> v.order().orderNo()).containsExactly("E1");
        assertThat(shop.findForVisitor(signed, "E2")).isEmpty();
        Visitor impostor = new Visitor("default", "buyer-1", false, null);
        assertThat(shop.ordersForVisitor(impostor)).as("an unsigned id is not a buyer").isEmpty();
        assertThat(shop.findForVisitor(new Visitor("other-shop", "buyer-1", true, null), "E1")).isEmpty();
    }

    @Test
    void orderNumberWithTheRightTailIdentifiesAndAWrongOneDoesNot() {
        delivered("E1", "buyer-1", "1234", T0);
        addShipment("E1", T0.minusSeconds(60), "DELIVERED");
        Visitor anon = Visitor.anonymous("default", "v-anon");
        assertThat(shop.identify(anon, "E1", "9999").outcome()).isEqualTo(Identification.Outcome.NO_MATCH);
        assertThat(shop.identify(anon, "E404", "1234").outcome()).isEqualTo(Identification.Outcome.NO_MATCH);
        assertThat(shop.identify(anon, "E1", "12").outcome()).isEqualTo(Identification.Outcome.MALFORMED);
        assertThat(shop.findForVisitor(anon, "E1")).isEmpty();

        Identification ok = shop.identify(anon, "E1", " 1234 ");
        assertThat(ok.identified()).isTrue();
        assertThat(ok.order().orElseThrow().latestShipment().orElseThrow().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(shop.latestShipment(anon, "E1")).isPresent();
        assertThat(shop.latestShipment(Visitor.anonymous("default", "someone-else"), "E1")).isEmpty();
        clock.advance(Duration.ofHours(25));
        assertThat(shop.findForVisitor(anon, "E1")).as("the grant expires").isEmpty();
    }

    @Test
    void fiveWrongGuessesAnHourBlockTheVisitorEvenWithTheRightTail() {
        delivered("E1", "buyer-1", "1234", T0);
        Visitor anon = Visitor.anonymous("default", "v-guesser");
        for (int i = 0; i < 5; i++) {
            assertThat(shop.identify(anon, "E1", String.format("%04d", i)).outcome())
                    .isEqualTo(Identification.Outcome.NO_MATCH);
        }
        Identification blocked = shop.identify(anon, "E1", "1234");
        assertThat(blocked.outcome()).isEqualTo(Identification.Outcome.RATE_LIMITED);
        assertThat(blocked.retryAfter()).isAfter(clock.instant());
        assertThat(shop.findForVisitor(anon, "E1")).isEmpty();
        clock.advance(Duration.ofMinutes(61));
        assertThat(shop.identify(anon, "E1", "1234").identified()).isTrue();
    }

    @Test
    void guessesOnOneOrderFromManyVisitorIdsAreLimitedToo() {
        delivered("E1", "buyer-1", "1234", T0);
        for (int i = 0; i < 10; i++) shop.identify(Visitor.anonymous("default", "bot-" + i), "E1", "000" + (i % 10));
        assertThat(shop.identify(Visitor.anonymous("default", "bot-new"), "E1", "1234").outcome())
                .isEqualTo(Identification.Outcome.RATE_LIMITED);
    }

    // ---- returns

    @Test
    void returnWindowBoundariesOnAStoredOrder() {
        delivered("E1", "buyer-1", "1234", T0);
        Order o = shop.orderForAgent("default", "E1").orElseThrow().order();
        Instant end = T0.plus(Duration.ofDays(7));
        assertThat(shop.returnEligibility(o, end).verdict()).isEqualTo(ReturnEligibility.Verdict.NO_REASON_RETURN);
        assertThat(shop.returnEligibility(o, end.plusNanos(1000)).verdict())
                .isEqualTo(ReturnEligibility.Verdict.PERSON_DECIDES);
    }

    @Test
    void returnMovesThroughItsStatesAndRefusesIllegalOrStaleMoves() {
        delivered("E1", "buyer-1", "1234", T0);
        clock.advance(Duration.ofDays(8));
        Visitor buyer = new Visitor("default", "buyer-1", true, null);
        ReturnRequest r = shop.requestReturn(buyer, "E1", ReturnKind.EXCHANGE, "尺码不合适");
        assertThat(r.needsPerson()).as("outside the window a person decides").isTrue();
        assertThat(r.personReason()).isEqualTo("WINDOW_PASSED");
        assertThatThrownBy(() -> shop.moveReturn(r.id(), ReturnState.RECEIVED, "agent1", null))
                .isInstanceOf(IllegalTransitionException.class);
        shop.moveReturn(r.id(), ReturnState.APPROVED, "agent1", "ok");
        ReturnRequest stale = r.moveTo(ReturnState.REJECTED, "agent2", clock.instant(), null);
        assertThat(new JdbcReturnRepository(jdbc, tx()).update(stale) ? "stored" : "refused")
                .as("a move based on an old read loses").isEqualTo("refused");
        shop.moveReturn(r.id(), ReturnState.PARCEL_SENT_BACK, "shopper:buyer-1", "SF999");
        shop.moveReturn(r.id(), ReturnState.RECEIVED, "agent1", null);
        ReturnRequest done = shop.moveReturn(r.id(), ReturnState.EXCHANGED, "agent1", null);
        assertThat(done.steps()).extracting(s -> s.state().name() + "/" + s.actor()).containsExactly(
                "REQUESTED/shopper:buyer-1", "APPROVED/agent1", "PARCEL_SENT_BACK/shopper:buyer-1",
                "RECEIVED/agent1", "EXCHANGED/agent1");
        assertThat(shop.findForVisitor(Visitor.anonymous("default", "x"), "E1")).isEmpty();
    }

    // ---- tickets

    @Test
    void concurrentTicketsGetUniqueContiguousNumbers() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) mine.add(shop.openTicket(inquiry("v1")).number());
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) all.addAll(f.get());
            Collections.sort(all);
            // T0 is 2026-11-10 10:00 in Asia/Shanghai
            List<String> expected = IntStream.rangeClosed(1, threads * perThread)
                    .mapToObj(i -> "20261110" + String.format("%03d", i)).toList();
            assertThat(all).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void numbersRestartEachDayInTheShopsZone() {
        assertThat(shop.openTicket(inquiry("v1")).number()).isEqualTo("20261110001");
        clock.set(Instant.parse("2026-11-10T15:59:59Z"));
        assertThat(shop.openTicket(inquiry("v1")).number()).isEqualTo("20261110002");
        clock.set(Instant.parse("2026-11-10T16:00:00Z"));
        assertThat(shop.openTicket(inquiry("v1")).number()).isEqualTo("20261111001");
    }

    @Test
    void followUpDeadlinesAndOverdueListFollowTheClock() {
        Ticket complaint = shop.openTicket(new NewTicket("default", TicketKind.COMPLAINT, null, "发错货", null, "v1",
                null, null, "E1", "agent1", "agent1", null));
        assertThat(complaint.replyDueAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
        clock.advance(Duration.ofHours(72));
        assertThat(shop.overdueTickets(clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(shop.overdueTickets(clock.instant())).extracting(OverdueTicket::what)
                .containsExactly(OverdueTicket.What.REPLY);

        Ticket resolved = shop.recordResult(complaint.number(), "已补发正确商品", true, "agent1");
        assertThat(resolved.followUpDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        assertThat(shop.overdueTickets(clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(shop.overdueTickets(clock.instant())).extracting(OverdueTicket::what)
                .containsExactly(OverdueTicket.What.FOLLOW_UP);
        shop.followUp(complaint.number(), false, null, "无人接听", "agent1");
        assertThat(shop.overdueTickets(clock.instant())).as("a missed call is not a follow-up").hasSize(1);
        Ticket closed = shop.followUp(complaint.number(), true, true, "满意", "agent1");
        assertThat(closed.followUps()).hasSize(2);
        assertThat(shop.overdueTickets(clock.instant())).isEmpty();
    }

    @Test
    void staleTicketUpdateIsRefused() {
        Ticket t = shop.openTicket(inquiry("v1"));
        shop.assignTicket(t.number(), "agent1");
        assertThat(new JdbcTicketRepository(jdbc, tx()).update(t.assign("agent2"))).isFalse();
        assertThatThrownBy(() -> shop.followUp(t.number(), true, null, null, "agent1"))
                .hasMessageContaining("satisfied");
    }

    // ---- KPIs (domain.md §6)

    @Test
    void kpisOnAKnownDataSet() {
        // October: 1 valid complaint. November: 40 customers, 2 complaints (1 valid), 3 requests
        clock.set(Instant.parse("2026-10-15T02:00:00Z"));
        shop.openTicket(complaint());
        clock.set(T0);
        for (int i = 0; i < 40; i++) order("K" + i, "buyer-" + i, T0);
        Ticket c1 = shop.openTicket(complaint());
        Ticket c2 = shop.openTicket(complaint());
        shop.recordResult(c1.number(), "已处理", true, "a");
        shop.followUp(c1.number(), true, true, null, "a");
        shop.recordResult(c2.number(), "不属实", false, "a");
        Ticket r1 = shop.openTicket(inquiry("v1"));
        Ticket r2 = shop.openTicket(inquiry("v2"));
        shop.openTicket(inquiry("v3"));
        shop.recordResult(r1.number(), "done", true, "a");
        shop.followUp(r1.number(), true, false, null, "a");
        shop.recordResult(r2.number(), "done", true, "a");
        shop.followUp(r2.number(), false, null, null, "a");

        KpiReport k = shop.kpis(YearMonth.of(2026, 11));
        assertThat(k.kpi("complaint_rate").numerator()).isEqualTo(1);
        assertThat(k.kpi("complaint_rate").denominator()).isEqualTo(40);
        assertThat(k.kpi("complaint_rate").value()).isEqualTo(0.025);
        assertThat(k.kpi("complaint_response").value()).isEqualTo(0.5);
        assertThat(k.kpi("complaint_satisfaction").value()).isEqualTo(1.0);
        assertThat(k.kpi("request_follow_up_rate").value()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k.kpi("request_satisfaction").value()).isEqualTo(0.0);
        assertThat(k.previousComplaints()).isEqualTo(1);
        assertThat(k.trendWarning()).isFalse();
        assertThat(shop.kpis(YearMonth.of(2026, 10)).trendWarning()).as("0 → 1 complaint").isTrue();
    }

    // ---- demo data

    @Test
    void demoDataGoesThroughTheServiceOnce() {
        ShopDemoData demo = new ShopDemoData(shop, new JdbcShopApiKeys(jdbc), clock);
        demo.ensure(null, true);
        assertThat(count("shop_orders")).isEqualTo(5);
        assertThat(count("shop_shipment_events")).isEqualTo(3);
        List<OrderView> mine = shop.ordersForVisitor(new Visitor("default", "demo-buyer-1", true, null));
        assertThat(mine).extracting(v -> v.order().orderNo()).containsExactlyInAnyOrder("DD20261124001", "DD20261124002", "DD20261124005");
        assertThat(shop.returnEligibility(shop.orderForAgent("default", "DD20261124004").orElseThrow().order(),
                clock.instant()).reason()).isEqualTo(ReturnEligibility.Reason.WINDOW_PASSED);
    }

    // ---- helpers

    private NewTicket inquiry(String visitor) {
        return new NewTicket("default", TicketKind.INQUIRY, null, "快递进度", null, visitor, null, null, null, null,
                "agent1", null);
    }

    private NewTicket complaint() {
        return new NewTicket("default", TicketKind.COMPLAINT, null, "投诉", null, "v9", null, null, null, null,
                "agent1", null);
    }

    private void delivered(String no, String buyer, String tail, Instant deliveredAt) {
        shop.upsertOrder("default", no, new OrderDraft(buyer, tail, "DELIVERED",
                List.of(new OrderDraft.ItemDraft("S1", "T恤", "服装", 1, new BigDecimal("59"))), new BigDecimal("59"),
                null, "addr", deliveredAt.minus(Duration.ofDays(3)).toString(),
                deliveredAt.minus(Duration.ofDays(3)).toString(), deliveredAt.minus(Duration.ofDays(2)).toString(),
                deliveredAt.toString()));
    }

    private void order(String no, String buyer, Instant placed) {
        shop.upsertOrder("default", no, new OrderDraft(buyer, "0000", "UNPAID",
                List.of(new OrderDraft.ItemDraft("S1", "T恤", null, 1, BigDecimal.ONE)), BigDecimal.ONE, null, null,
                placed.toString(), null, null, null));
    }

    private void addShipment(String no, Instant at, String status) {
        shop.recordShipment("default", no, new ShipmentDraft(null, "SF", "SF1", at.toString(), "上海", status, null));
    }

    private TransactionTemplate tx() {
        return new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    }

    private int count(String table) {
        Integer n = jdbc.queryForObject("select count(*) from " + table, Integer.class);
        return n == null ? 0 : n;
    }
}
