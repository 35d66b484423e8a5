package io.walletdesk.channels.messaging;

import io.walletdesk.testing.WalletDeskTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with both messaging apps switched on against {@link FakePlatforms}, the assistant answering
 * first, and the senders' sweeps every second. One shared context for the WhatsApp and Telegram tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FakePlatforms.Starter.class)
@WalletDeskTest
@TestPropertySource(properties = {
    "walletdesk.whatsapp.app-secret=" + MessagingTest.APP_SECRET,
    "walletdesk.whatsapp.verify-token=" + MessagingTest.VERIFY_TOKEN,
    "walletdesk.whatsapp.access-token=" + FakePlatforms.ACCESS_TOKEN,
    "walletdesk.whatsapp.phone-number-id=" + FakePlatforms.PHONE_NUMBER_ID,
    "walletdesk.whatsapp.api-base=${" + FakePlatforms.BASE_PROPERTY + "}",
    "walletdesk.telegram.bot-token=" + FakePlatforms.BOT_TOKEN,
    "walletdesk.telegram.secret-token=" + MessagingTest.TELEGRAM_SECRET,
    "walletdesk.telegram.api-base=${" + FakePlatforms.BASE_PROPERTY + "}",
    "walletdesk.assistant.enabled=true",
    "walletdesk.messaging.send-interval=PT1S",
    "walletdesk.messaging.sweep-interval=PT1S"})
@interface MessagingTest {

    String APP_SECRET = "test-app-secret-5f2b";
    String VERIFY_TOKEN = "test-verify-token-91c";
    String TELEGRAM_SECRET = "test-telegram-secret-7Qx_9";
}
