package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.WalletStanding;
import io.walletdesk.ledger.WalletTransactions;
import io.walletdesk.ledger.internal.LedgerTestHooks;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.AgentAvailability;
import io.walletdesk.support.BusinessHours;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** B1/B2: the assistant answers from articles and the customer's real wallet, clarifies, and hands over. */
@WalletDeskTest
class AssistantTest {

    @LocalServerPort
    int port;
    @Autowired
    FirstResponse firstResponse;
    @Autowired
    Conversations conversations;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Assistant assistant;
    @Autowired
    MessageSource messages;
    @Autowired
    MutableClock clock;
    @Autowired
    BusinessHours hours;
    @Autowired
    AgentAvailability availability;
    @Autowired
    HumanHelp humans;
    @Autowired
    Intents intents;
    @Autowired
    AssistantTurns turns;
    @Autowired
    ArticleLibrary articles;
    @Autowired
    WalletTransactions transactions;
    @Autowired
    WalletStanding standing;
    @Autowired
    JdbcClient jdbc;

    record Customer(long userId, String name, ApiClient api) {
    }

    @BeforeEach
    void on() {
        firstResponse.setAssistantEnabled(true, null, ClientInfo.system());
    }

    @AfterEach
    void off() {
        firstResponse.setAssistantEnabled(false, null, ClientInfo.system());
    }

    private Customer customer(String language) {
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port);
        api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(),
                "name", "Sari Wulandari", "language", language, "password", TestData.PASSWORD));
        api.signIn(phone, TestData.PASSWORD);
        return new Customer(api.get("/api/v1/me").json().get("id").asLong(), "Sari Wulandari", api);
    }

    private void topUp(Customer customer, long amount, String bankAccount) {
        customer.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/top-ups", Map.of("bankCode", "BCA", "bankAccount", bankAccount, "amount", amount));
        LedgerTestHooks.deliverBankCallbacksNow(context);
    }

    private ConversationView chat(Customer customer, String language) {
        return conversations.startOrContinue(new StartConversation(new Participant.Customer(customer.userId(), customer.name()),
                Channel.CHAT, null, customer.name(), null, null, language));
    }

    /** Sends a customer message and waits for the assistant's answer to it. */
    private String ask(Customer customer, ConversationView chat, String text) throws InterruptedException {
        Participant.Customer me = new Participant.Customer(customer.userId(), customer.name());
        long seq = conversations.post(new PostMessage(chat.id(), me, null, text, Channel.CHAT, false, ClientInfo.system(), null))
                .message().seq();
        for (int i = 0; i < 200; i++) {
            Optional<MessageView> answer = conversations.messagesAfter(chat.id(), me, seq, 10).stream()
                    .filter(m -> m.authorType() == AuthorType.SYSTEM && !m.internalNote()).findFirst();
            if (answer.isPresent()) {
                return answer.get().body();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the assistant did not answer " + text);
    }

    /** The assistant's first public answer after {@code seq}. */
    private String answerAfter(Customer customer, ConversationView chat, long seq) throws InterruptedException {
        Participant.Customer me = new Participant.Customer(customer.userId(), customer.name());
        for (int i = 0; i < 200; i++) {
            Optional<MessageView> answer = conversations.messagesAfter(chat.id(), me, seq, 10).stream()
                    .filter(m -> m.authorType() == AuthorType.SYSTEM && !m.internalNote()).findFirst();
            if (answer.isPresent()) {
                return answer.get().body();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the assistant did not answer after " + seq);
    }

    private String text(String key, SupportedLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private List<MessageView> notes(ConversationView chat) {
        return conversations.messagesAfter(chat.id(), new Participant.System("test"), 0, 100).stream()
                .filter(MessageView::internalNote).toList();
    }

    @Test
    void aFailedTopUpIsExplainedFromItsRealReasonInIndonesian() throws Exception {
        Customer sari = customer("id");
        topUp(sari, 100_000, "9876542222");
        ConversationView chat = chat(sari, "id");
        String answer = ask(sari, chat, "kenapa top up saya gagal ya?");
        assertThat(answer).contains(text("reason.BANK_INSUFFICIENT_FUNDS.explain", SupportedLanguage.ID))
                .contains(text("reason.BANK_INSUFFICIENT_FUNDS.next", SupportedLanguage.ID))
                .contains("100.000").contains("/help/topup-failed");
        assertThat(firstResponse.withAssistant(chat.id())).isTrue();
        assertThat(conversations.get(chat.id(), new Participant.System("test")).assigneeUserId()).isNull();
    }

    @Test
    void aPendingTopUpShowsItsStateAndHowLongItMayStayPending() throws Exception {
        Customer budi = customer("en");
        topUp(budi, 50_000, "9876547777");
        WalletTransactions.Summary pending = transactions.recent(budi.userId(), 5).get(0);
        assertThat(pending.status()).isEqualTo(TransactionStatus.PENDING);
        String answer = ask(budi, chat(budi, "en"), "I paid at the bank but my balance has not been credited");
        assertThat(answer).contains("still waiting for your bank").contains("Rp50.000")
                .contains(ZonedDateTime.ofInstant(pending.expectedBy(), ZoneId.of("Asia/Jakarta")).getYear() + "")
                .contains("/help/topup-not-received");
    }

    @Test
    void aTransferThatDidNotArriveShowsItsRealState() throws Exception {
        Customer sender = customer("en");
        Customer friend = customer("en");
        String friendPhone = jdbc.sql("SELECT phone FROM users WHERE id = :id").param("id", friend.userId())
                .query(String.class).single();
        assertThat(sender.api().post("/api/v1/wallet/pin", Map.of("pin", "246810")).status()).isEqualTo(204);
        LedgerTestHooks.openVerifiedWallet(context, sender.userId());
        topUp(sender, 500_000, "1234512345");
        ApiClient.Response sent = sender.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/transfers", Map.of("phone", friendPhone, "amount", 75_000, "pin", "246810"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        WalletTransactions.Summary transfer = transactions.recent(sender.userId(), 5).stream()
                .filter(t -> t.kind() == TransactionKind.TRANSFER).findFirst().orElseThrow();
        String answer = ask(sender, chat(sender, "en"), "my friend says he has not received the money I sent him");
        assertThat(answer).contains("Rp75.000").contains("was completed").contains(Long.toString(transfer.id()))
                .contains("/help/transfer-not-received");
    }

    @Test
    void aLockedAccountHearsTheReasonAndHowToVerify() throws Exception {
        Customer dewi = customer("en");
        accounts.lock(new LockAccount(dewi.userId(), LockReason.UNUSUAL_VELOCITY, "test", null));
        String answer = ask(dewi, chat(dewi, "en"), "my account is blocked, I cannot log in");
        assertThat(answer).contains(text("lock.reason.UNUSUAL_VELOCITY", SupportedLanguage.EN)).contains("/wallet/verify");
    }

    @Test
    void limitsAreTheCustomersOwnAndOfficialChannelsAreLinked() throws Exception {
        Customer rudi = customer("en");
        ConversationView chat = chat(rudi, "en");
        String limits = ask(rudi, chat, "what is the maximum balance and monthly limit of my wallet?");
        WalletStanding.Standing mine = standing.of(rudi.userId()).orElseThrow();
        assertThat(limits).contains("unverified").contains(Money.format(mine.maxBalance()));
        String phishing = ask(rudi, chat, "someone called me saying he is walletdesk customer service and asked for my OTP, is this number official?");
        assertThat(phishing).contains("/support/verify");
        String unreachable = ask(rudi, chat, "the live chat does not load and nobody answers the hotline");
        assertThat(unreachable).contains("/status").contains("/diagnose");
    }

    @Test
    void askingForAHumanHandsOverWithTheIntentAndWhatTheCustomerWrote() throws Exception {
        Customer ayu = customer("en");
        ConversationView chat = chat(ayu, "en");
        ask(ayu, chat, "my top up failed");
        String answer = ask(ayu, chat, "I want to talk to a real person, not a bot");
        assertThat(answer).contains(text("assistant.handover", SupportedLanguage.EN));
        assertThat(firstResponse.withAssistant(chat.id())).isFalse();
        String note = notes(chat).get(0).body();
        assertThat(note).contains("Intent: human_agent").contains("my top up failed").contains("real person");
        // From now on humans answer: the assistant stays silent.
        Participant.Customer me = new Participant.Customer(ayu.userId(), ayu.name());
        long seq = conversations.post(new PostMessage(chat.id(), me, null, "hello?", Channel.CHAT, false, null, null)).message().seq();
        Thread.sleep(500);
        assertThat(conversations.messagesAfter(chat.id(), me, seq, 10)).isEmpty();
    }

    @Test
    void anUnauthorisedTransactionGoesToHumansAtOnce() throws Exception {
        Customer eko = customer("zh-CN");
        ConversationView chat = chat(eko, "zh-CN");
        String answer = ask(eko, chat, "我的余额少了50万，不是我本人操作的，账户被盗了");
        assertThat(answer).contains("/account/security").contains(text("assistant.handover", SupportedLanguage.ZH_CN));
        assertThat(notes(chat).get(0).body()).contains("unauthorized_transaction");
    }

    @Test
    void notUnderstandingTwiceInARowHandsOver() throws Exception {
        Customer nina = customer("en");
        ConversationView chat = chat(nina, "en");
        String first = ask(nina, chat, "what is the capital of mongolia");
        assertThat(first).doesNotContain(text("assistant.handover", SupportedLanguage.EN));
        String second = ask(nina, chat, "recommend me a good pizza recipe with pineapple");
        assertThat(second).contains(text("assistant.handover", SupportedLanguage.EN));
        assertThat(notes(chat).get(0).body()).contains("not-confident-twice");
    }

    @Test
    void outsideBusinessHoursTheHandOverSaysWhenAHumanAnswersAndTheChatStaysQueued() throws Exception {
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        ZonedDateTime now = clock.instant().atZone(jakarta);
        ZonedDateTime sunday = now.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).withHour(12).withMinute(0);
        clock.advance(Duration.between(now, sunday));
        assertThat(hours.isOpen(clock.instant())).isFalse();
        Customer tono = customer("en");
        ConversationView chat = chat(tono, "en");
        String answer = ask(tono, chat, "connect me to a human agent please");
        // Dates read as English writes them on every page (issue 17): "28 Dec 2026, 08:00 WIB".
        String opening = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'", Locale.ENGLISH)
                .withZone(jakarta).format(hours.nextOpening(clock.instant()));
        assertThat(answer).contains("not working now").contains(opening);
        ConversationView queued = conversations.get(chat.id(), new Participant.System("test"));
        assertThat(queued.status().name()).isEqualTo("OPEN");
        assertThat(firstResponse.withAssistant(chat.id())).isFalse();
    }

    @Test
    void theHandOverAndTheWidgetGiveOneAnswerOnHumanHelpAnAgentOnlineWinsOverTheCalendar() throws Exception {
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        ZonedDateTime now = clock.instant().atZone(jakarta);
        clock.advance(Duration.between(now, now.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).withHour(20).withMinute(0)));
        assertThat(hours.isOpen(clock.instant())).isFalse();
        long lateAgent = registration.createStaff(Role.AGENT, TestData.email(), "Lina Larut",
                "meja-bantuan-pagi-77", null, ClientInfo.system());
        jdbc.sql("INSERT INTO agent_presence (user_id, status, last_seen_at) VALUES (:u, 'ONLINE', :now)")
                .param("u", lateAgent).param("now", java.sql.Timestamp.from(clock.instant())).update();
        try {
            ApiClient widget = new ApiClient(port);
            var online = widget.get("/api/v1/chat/availability?lang=en").json();
            assertThat(online.get("humanAnswer").asText()).isEqualTo("ANSWER_SOON");
            Customer rina = customer("en");
            String answer = ask(rina, chat(rina, "en"), "connect me to a human agent please");
            assertThat(answer).as("an agent is online on a Sunday evening").contains(text("assistant.handover.open", SupportedLanguage.EN))
                    .doesNotContain("not working now");

            jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE' WHERE user_id = :u").param("u", lateAgent).update();
            var off = widget.get("/api/v1/chat/availability?lang=id").json();
            assertThat(off.get("humanAnswer").asText()).isEqualTo("OFF_DUTY");
            assertThat(java.time.Instant.parse(off.get("nextOpening").asText())).isEqualTo(hours.nextOpening(clock.instant()));
            assertThat(off.get("nextOpeningText").asText()).endsWith("WIB");
            Customer budi = customer("en");
            String later = ask(budi, chat(budi, "en"), "connect me to a human agent please");
            assertThat(later).contains("not working now");
        } finally {
            jdbc.sql("DELETE FROM agent_presence WHERE user_id = :u").param("u", lateAgent).update();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenTheAssistantFailsTheCustomerIsToldAndTheChatGoesToHumans() throws Exception {
        Object working = ReflectionTestUtils.getField(assistant, "replies");
        ReflectionTestUtils.setField(assistant, "replies",
                (Function<AssistantReplies.Question, AssistantReplies.Reply>) q -> {
                    throw new IllegalStateException("model crashed");
                });
        try {
            Customer lia = customer("id");
            ConversationView chat = chat(lia, "id");
            String answer = ask(lia, chat, "saldo saya hilang");
            assertThat(answer).isEqualTo(text("assistant.failed", SupportedLanguage.ID));
            assertThat(firstResponse.withAssistant(chat.id())).isFalse();
            assertThat(notes(chat).get(0).body()).contains("assistant-failed");
        } finally {
            ReflectionTestUtils.setField(assistant, "replies", working);
        }
    }

    @Test
    void twoCloseIntentsGetOneClarifyingQuestionAndTheAnswerPicksOne() {
        // A classifier that cannot decide between two intents, to exercise the decision itself.
        Intents undecided = new Intents(jdbc, clock) {
            @Override
            Prediction classify(String text) {
                return new Prediction("topup_failed", 0.41, false,
                        List.of(new IntentScore("topup_failed", 0.41), new IntentScore("topup_not_received", 0.39)));
            }
        };
        AssistantReplies replies = new AssistantReplies(undecided, articles, transactions, standing, accounts, humans, messages, clock);
        var question = new AssistantReplies.Question(1, 1, "top up", SupportedLanguage.EN, null, Optional.empty());
        AssistantReplies.Reply clarify = replies.answer(question);
        assertThat(clarify.outcome()).isEqualTo(AssistantReplies.Outcome.CLARIFY);
        assertThat(clarify.text()).contains(text("intent.topup_failed", SupportedLanguage.EN))
                .contains(text("intent.topup_not_received", SupportedLanguage.EN));
        var asked = new AssistantTurns.Turn(1, 1, 1, "en", "top up", "topup_failed", 0.41, "topup_not_received", 0.39,
                AssistantTurns.Outcome.CLARIFY, clock.instant(), null);
        AssistantReplies.Reply picked = replies.answer(new AssistantReplies.Question(1, 2, "2", SupportedLanguage.EN, null,
                Optional.of(asked)));
        assertThat(picked.intent()).isEqualTo("topup_not_received");
        assertThat(picked.text()).contains("/help/topup-not-received");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;

    private Cookie staff(Role role) throws Exception {
        String email = TestData.email();
        registration.createStaff(role, email, "Staff " + role, "asisten-belajar-terus-88", null, ClientInfo.system());
        return mvc.perform(MockMvcRequestBuilders.post("/login")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(r -> {
                    r.setRemoteAddr(TestData.clientIp());
                    return r;
                }).param("identifier", email).param("password", "asisten-belajar-terus-88"))
                .andReturn().getResponse().getCookie("WDSESSION");
    }

    @Test
    void staffSeeWhatTheAssistantUnderstoodAndCorrectIt() throws Exception {
        Customer wati = customer("id");
        ConversationView chat = chat(wati, "id");
        ask(wati, chat, "kak saldo saya gak nambah padahal udah transfer dari BCA");
        AssistantTurns.Turn turn = turns.ofConversation(chat.id()).get(0);
        var agent = staff(Role.AGENT);
        String page = mvc.perform(MockMvcRequestBuilders.get("/staff/assistant")
                .cookie(agent)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("saldo saya gak nambah").contains("turn-" + turn.id());
        mvc.perform(MockMvcRequestBuilders.post("/staff/assistant/turns/" + turn.id() + "/intent")
                        .cookie(agent).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("intent", "topup_not_received"))
                .andExpect(MockMvcResultMatchers.status().is3xxRedirection());
        assertThat(turns.ofConversation(chat.id()).get(0).correctedIntent()).isEqualTo("topup_not_received");
        mvc.perform(MockMvcRequestBuilders.post("/staff/assistant/turns/" + turn.id() + "/intent")
                        .cookie(agent).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("intent", "no_such_intent"))
                .andExpect(MockMvcResultMatchers.status().isBadRequest());
        // Only supervisors switch the assistant off.
        mvc.perform(MockMvcRequestBuilders.post("/staff/assistant/switch")
                        .cookie(agent).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("enabled", "false"))
                .andExpect(MockMvcResultMatchers.status().isForbidden());
        assertThat(firstResponse.assistantEnabled()).isTrue();
    }

    @Test
    void aStaffCorrectionBecomesTrainingDataForTheNextBuild() throws Exception {
        Customer ani = customer("id");
        ConversationView chat = chat(ani, "id");
        ask(ani, chat, "limit dompet saya berapa ya kak");
        AssistantTurns.Turn turn = turns.ofConversation(chat.id()).get(0);
        assertThat(turns.correct(turn.id(), "limits_fees", 1L, clock.instant())).isTrue();
        int before = turns.corrections();
        Intents.Build build = intents.rebuild(null);
        assertThat(build.corrections()).isEqualTo(before);
        assertThat(intents.loadedBuild()).isEqualTo(build.id());
        assertThat(intents.classify("limit dompet saya berapa ya kak").intent()).isEqualTo("limits_fees");
    }

    // ---- issue 17: the customer's words and data pick the transaction; leave-a-message -----------------------

    /** A pending Rp60.000 top-up and a newer failed one, as in the issue. */
    private Customer withPendingAndFailedTopUps(String language) {
        Customer customer = customer(language);
        topUp(customer, 60_000, "9876547777");
        topUp(customer, 100_000, "9876542222");
        List<TransactionStatus> states = transactions.recent(customer.userId(), 5).stream()
                .map(WalletTransactions.Summary::status).toList();
        assertThat(states).containsExactly(TransactionStatus.FAILED, TransactionStatus.PENDING);
        return customer;
    }

    @Test
    void shortIndonesianMessagesAboutMoneyNotArrivingGetThePendingTopUp() throws Exception {
        Customer sari = withPendingAndFailedTopUps("id");
        ConversationView chat = chat(sari, "id");
        String pending = ask(sari, chat, "top up saya masih pending");
        assertThat(pending).contains("Rp60.000").contains("masih menunggu konfirmasi bank Anda")
                .doesNotContain(text("reason.BANK_INSUFFICIENT_FUNDS.explain", SupportedLanguage.ID));
        String notArrived = ask(sari, chat, "Uang saya belum masuk padahal sudah transfer dari bank");
        assertThat(notArrived).contains("Rp60.000").contains("masih menunggu konfirmasi bank Anda")
                .doesNotContain(text("assistant.transfer.none", SupportedLanguage.ID));
        // and the word "gagal" still means the failed one
        String failed = ask(sari, chat, "kenapa top up saya gagal?");
        assertThat(failed).contains("Rp100.000").contains(text("reason.BANK_INSUFFICIENT_FUNDS.explain", SupportedLanguage.ID));
    }

    @Test
    void pendingAndFailedWordsPickTheTransactionInEnglishAndChinese() throws Exception {
        Customer budi = withPendingAndFailedTopUps("en");
        ConversationView chat = chat(budi, "en");
        assertThat(ask(budi, chat, "my top up is still pending")).contains("Rp60.000").contains("still waiting for your bank");
        assertThat(ask(budi, chat, "my top up failed, why?")).contains("Rp100.000")
                .contains(text("reason.BANK_INSUFFICIENT_FUNDS.explain", SupportedLanguage.EN));
        Customer lin = withPendingAndFailedTopUps("zh-CN");
        ConversationView zh = chat(lin, "zh-CN");
        assertThat(ask(lin, zh, "我的充值一直在处理中，钱还没到账")).contains("Rp60.000").contains("仍在等待银行确认");
        assertThat(ask(lin, zh, "充值失败了是怎么回事")).contains("Rp100.000")
                .contains(text("reason.BANK_INSUFFICIENT_FUNDS.explain", SupportedLanguage.ZH_CN));
    }

    @Test
    void whenTheTopIntentFindsNothingButAnotherMatterIsOpenTheAssistantAsksWithChoices() throws Exception {
        Customer rudi = customer("en");
        topUp(rudi, 60_000, "9876547777");
        ConversationView chat = chat(rudi, "en");
        String asked = ask(rudi, chat, "I sent money to my friend, where is it?");
        assertThat(asked).contains(text("intent.topup_not_received", SupportedLanguage.EN)).contains("Rp60.000")
                .contains(text("intent.transfer_not_received", SupportedLanguage.EN)).contains("1.").contains("2.");
        String picked = ask(rudi, chat, "1");
        assertThat(picked).contains("Rp60.000").contains("still waiting for your bank");
    }

    @Test
    void afterLeavingAMessageTheAssistantSaysItIsWithTheTeamAndWhenAndDoesNotOfferItAgain() throws Exception {
        Customer rina = customer("id");
        ConversationView chat = chat(rina, "id");
        ask(rina, chat, "halo");
        Participant.Customer me = new Participant.Customer(rina.userId(), rina.name());
        conversations.leaveMessage(new io.walletdesk.support.LeaveMessage(me, rina.name(), TestData.email(), null, "id",
                "CS tidak bisa dihubungi, top up saya belum masuk", ClientInfo.system()));
        long left = conversations.messagesAfter(chat.id(), me, 0, 100).stream()
                .filter(m -> m.channel() == Channel.WEB_FORM).findFirst().orElseThrow().seq();
        String ack = answerAfter(rina, chat, left);
        assertThat(ack).contains("pesan Anda sudah ada di tim kami").doesNotContain("/support/message")
                .containsPattern("\\d{4},? \\d{2}[:.]\\d{2} WIB");
        assertThat(firstResponse.withAssistant(chat.id())).isFalse();
        assertThat(notes(chat)).anyMatch(n -> n.body().contains("left-message"));
        // Humans have it now: the assistant does not answer again, so it cannot offer a message form again.
        long later = conversations.post(new PostMessage(chat.id(), me, null, "cs tidak bisa dihubungi", Channel.CHAT, false,
                null, null)).message().seq();
        Thread.sleep(500);
        assertThat(conversations.messagesAfter(chat.id(), me, later, 10)).noneMatch(m -> m.authorType() == AuthorType.SYSTEM);
    }

    @Autowired
    AssistantReplies replies;

    @Test
    void whoAlreadyLeftAMessageIsNotToldToLeaveOne() {
        Customer tia = customer("en");
        Participant.Customer me = new Participant.Customer(tia.userId(), tia.name());
        ConversationView left = conversations.leaveMessage(new io.walletdesk.support.LeaveMessage(me, tia.name(),
                TestData.email(), null, "en", "Your chat does not load on my phone", ClientInfo.system()));
        for (SupportedLanguage language : SupportedLanguage.values()) {
            AssistantReplies.Reply reply = replies.answer(new AssistantReplies.Question(left.id(), 99,
                    "I cannot reach customer service, nobody answers the hotline", language, tia.userId(), Optional.empty()));
            assertThat(reply.intent()).isEqualTo("cs_unreachable");
            assertThat(reply.text()).doesNotContain("/support/message").contains("/status")
                    .startsWith(text("assistant.csUnreachable.messageLeft", language, "@").split("@")[0]);
        }
        ConversationView fresh = chat(customer("en"), "en");
        assertThat(replies.answer(new AssistantReplies.Question(fresh.id(), 1,
                "I cannot reach customer service, nobody answers the hotline", SupportedLanguage.EN, null, Optional.empty()))
                .text()).contains("/support/message");
    }
}
