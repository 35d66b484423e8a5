package io.walletdesk.identity.internal;

import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start against an empty database, creates the demo users the README lists. */
@Component
@Order(0)
@ConditionalOnProperty(name = "walletdesk.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final NewAccounts newAccounts;
    private final AccountStatusService status;

    DemoData(NewAccounts newAccounts, AccountStatusService status) {
        this.newAccounts = newAccounts;
        this.status = status;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (newAccounts.countUsers() > 0) {
            return;
        }
        newAccounts.createDemoCustomer("081234567890", "sari@example.com", "Sari Wulandari", SupportedLanguage.ID,
                "kopi-susu-gula-aren-7");
        long locked = newAccounts.createDemoCustomer("081298765432", "budi@example.com", "Budi Santoso",
                SupportedLanguage.EN, "nasi-goreng-pedas-9");
        status.lock(new LockAccount(locked, LockReason.FRAUD_INVESTIGATION, "Demo: reported suspicious transfers", null),
                "SYSTEM", ClientInfo.system());
        newAccounts.createStaff(Role.AGENT, "agent@walletdesk.local", "Ayu Lestari", "bantu-nasabah-cepat-24", null,
                ClientInfo.system());
        newAccounts.createStaff(Role.SUPERVISOR, "supervisor@walletdesk.local", "Rudi Hartono",
                "awasi-antrian-layanan-31", null, ClientInfo.system());
        newAccounts.createStaff(Role.ADMIN, "admin@walletdesk.local", "Dewi Kusuma", "kelola-sistem-dompet-58", null,
                ClientInfo.system());
        log.info("Demo users created; see README for their sign-ins");
    }
}
