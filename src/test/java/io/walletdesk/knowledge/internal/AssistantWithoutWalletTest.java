package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.walletdesk.identity.Accounts;
import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.ledger.WalletStanding;
import io.walletdesk.ledger.WalletTransactions;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.support.AgentAvailability;
import io.walletdesk.support.BusinessHours;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import io.walletdesk.support.Conversations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When the wallet cannot be read, the assistant says so in the customer's language and still answers from articles. */
@WalletDeskTest
class AssistantWithoutWalletTest {

    @Autowired
    ArticleLibrary articles;
    @Autowired
    BusinessHours hours;
    @Autowired
    AgentAvailability availability;
    @Autowired
    HumanHelp humans;
    @Autowired
    MessageSource messages;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Conversations conversations;

    @ParameterizedTest
    @EnumSource(SupportedLanguage.class)
    void aTopUpQuestionGetsTheArticleAndAPlainWordAboutTheWallet(SupportedLanguage language) {
        Intents sure = new Intents(jdbc, clock) {
            @Override
            Prediction classify(String text) {
                return new Prediction("topup_failed", 0.93, true,
                        List.of(new IntentScore("topup_failed", 0.93), new IntentScore("refund", 0.02)));
            }
        };
        CannotGetJdbcConnectionException away = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        WalletTransactions transactions = mock(WalletTransactions.class);
        when(transactions.recent(anyLong(), anyInt())).thenThrow(away);
        WalletStanding standing = mock(WalletStanding.class);
        when(standing.of(anyLong())).thenThrow(away);
        Accounts accounts = mock(Accounts.class);
        when(accounts.find(anyLong())).thenThrow(away);
        AssistantReplies replies = new AssistantReplies(sure, articles, transactions, standing, accounts, humans, messages, clock);

        AssistantReplies.Reply reply = replies.answer(new AssistantReplies.Question(1, 1, "my top up failed", language,
                42L, Optional.empty()));

        assertThat(reply.outcome()).isEqualTo(AssistantReplies.Outcome.ANSWERED);
        assertThat(reply.text()).startsWith(messages.getMessage("assistant.walletUnavailable", null, language.locale()))
                .contains("/help/topup-failed");
        assertThat(messages.getMessage("assistant.walletUnavailable", null, language.locale()))
                .as("translated").isNotEqualTo(language == SupportedLanguage.EN ? ""
                        : messages.getMessage("assistant.walletUnavailable", null, SupportedLanguage.EN.locale()));
    }
}
