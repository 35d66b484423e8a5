package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The wallet pages in three languages: top-up, send with masked-name confirmation and PIN, history, detail. */
@WalletDeskTest
class WalletPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;

    private final String ip = TestData.clientIp();

    private RequestPostProcessor client() {
        return request -> {
            request.setRemoteAddr(ip);
            request.addHeader("User-Agent", "Mozilla/5.0 (Linux; Android 13) Chrome/126.0 Mobile Safari/537.36");
            return request;
        };
    }

    private long customer(String phone, String name) {
        return customer(phone, name, "en");
    }

    private long customer(String phone, String name, String language) {
        long id = registration.register(new Registration.RegisterCustomer(phone, null, name, language, TestData.PASSWORD),
                ClientInfo.system());
        wallets.open(id);
        return id;
    }

    private Cookie signIn(String phone) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(client()).with(csrf())
                .param("identifier", phone).param("password", TestData.PASSWORD)).andReturn();
        Cookie cookie = result.getResponse().getCookie("WDSESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private String page(Cookie session, String path, String language) throws Exception {
        return mvc.perform(get(path).with(client()).cookie(session).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void customerTopsUpAndSendsMoneyThroughThePages() throws Exception {
        String budiPhone = TestData.phone();
        String sitiPhone = TestData.phone();
        long budi = customer(budiPhone, "Budi Santoso");
        customer(sitiPhone, "Siti Rahayu");
        wallets.setTier(budi, WalletTier.VERIFIED);
        Cookie session = signIn(budiPhone);

        assertThat(page(session, "/wallet", "en")).contains("My wallet").contains("Rp0");

        mvc.perform(post("/wallet/pin").with(client()).with(csrf()).cookie(session).param("pin", "135790"))
                .andExpect(status().is3xxRedirection());

        MvcResult topUp = mvc.perform(post("/wallet/top-up").with(client()).with(csrf()).cookie(session)
                .param("bankCode", "BCA").param("bankAccount", "1234567890").param("amount", "Rp500.000")
                .param("requestKey", "page-topup-" + budi)).andExpect(status().is3xxRedirection()).andReturn();
        String detailUrl = topUp.getResponse().getRedirectedUrl();
        assertThat(page(session, detailUrl, "en")).contains("Waiting for your bank to confirm");
        bank.deliverAllNow();
        assertThat(page(session, detailUrl, "en")).contains("Completed").contains("+Rp500.000");

        String failed = mvc.perform(post("/wallet/top-up").with(client()).with(csrf()).cookie(session)
                .param("bankCode", "BCA").param("bankAccount", "1234562222").param("amount", "100000")
                .param("requestKey", "page-topup2-" + budi)).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(session, failed, "en")).contains("There is not enough money in your bank account");

        String confirm = mvc.perform(post("/wallet/send/confirm").with(client()).with(csrf()).cookie(session)
                .param("phone", sitiPhone).param("amount", "25.000").param("requestKey", "page-send-" + budi))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Si** Ra****").contains("Rp25.000").contains("name=\"pin\"");

        String wrongPin = mvc.perform(post("/wallet/send").with(client()).with(csrf()).cookie(session)
                .param("phone", sitiPhone).param("amount", "25000").param("pin", "000001")
                .param("requestKey", "page-send-" + budi)).andReturn().getResponse().getContentAsString();
        assertThat(wrongPin).contains("That PIN is not right");

        String sent = mvc.perform(post("/wallet/send").with(client()).with(csrf()).cookie(session)
                .param("phone", sitiPhone).param("amount", "25000").param("pin", "135790")
                .param("requestKey", "page-send-" + budi)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page(session, sent, "en")).contains("-Rp25.000").contains("Si** Ra****");

        String unknown = mvc.perform(post("/wallet/send/confirm").with(client()).with(csrf()).cookie(session)
                .param("phone", "081200000001").param("amount", "25000")).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("No WalletDesk customer has this phone number");

        String history = page(session, "/wallet/transactions?kind=TOP_UP", "en");
        assertThat(history).contains("+Rp500.000").doesNotContain("-Rp25.000");
        String csv = mvc.perform(get("/wallet/transactions.csv").with(client()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("500000").contains("-25000");

        String pay = mvc.perform(post("/wallet/pay/confirm").with(client()).with(csrf()).cookie(session)
                .param("merchantCode", "kopi-nusantara").param("amount", "18000").param("requestKey", "page-pay-" + budi))
                .andReturn().getResponse().getContentAsString();
        assertThat(pay).contains("Kopi Nusantara");
        String paid = mvc.perform(post("/wallet/pay").with(client()).with(csrf()).cookie(session)
                .param("merchantCode", "kopi-nusantara").param("amount", "18000").param("pin", "135790")
                .param("requestKey", "page-pay-" + budi)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        // The merchant's fee (Rp126) is booked but is not the customer's: the receipt shows what they paid (issue 17).
        assertThat(page(session, paid, "en")).contains("Payment").contains("-Rp18.000").doesNotContain("Rp126");
    }

    @Test
    void staffSeeAWalletRefundAPaymentAndReviewVerifications() throws Exception {
        String phone = TestData.phone();
        long customer = customer(phone, "Rina Wulandari");
        wallets.setTier(customer, WalletTier.VERIFIED);
        Cookie customerSession = signIn(phone);
        mvc.perform(post("/wallet/pin").with(client()).with(csrf()).cookie(customerSession).param("pin", "135790"));
        mvc.perform(post("/wallet/top-up").with(client()).with(csrf()).cookie(customerSession)
                .param("bankCode", "BRI").param("bankAccount", "5554443332").param("amount", "100000")
                .param("requestKey", "staff-topup-" + customer));
        bank.deliverAllNow();
        String paid = mvc.perform(post("/wallet/pay").with(client()).with(csrf()).cookie(customerSession)
                .param("merchantCode", "WARUNG-BU-SRI").param("amount", "30000").param("pin", "135790")
                .param("requestKey", "staff-pay-" + customer)).andReturn().getResponse().getRedirectedUrl();
        long paymentId = Long.parseLong(paid.substring(paid.lastIndexOf('/') + 1));

        String email = TestData.email();
        registration.createStaff(io.walletdesk.identity.Role.AGENT, email, "Agen Satu", TestData.PASSWORD, null,
                ClientInfo.system());
        Cookie staff = signIn(email);
        String walletPage = page(staff, "/staff/wallet/customers/" + customer, "en");
        assertThat(walletPage).contains("Wallet of customer #" + customer).contains("Refund");
        mvc.perform(post("/staff/wallet/transactions/" + paymentId + "/reversal").with(client()).with(csrf()).cookie(staff)
                .param("customerId", String.valueOf(customer)).param("note", "wrong amount"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(customerSession, "/wallet", "en")).contains("Rp100.000");
        assertThat(page(staff, "/staff/wallet/verifications", "en")).contains("Identity verifications to review");
        mvc.perform(get("/staff/wallet/customers/" + customer).with(client()).cookie(customerSession))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesSpeakTheCustomersLanguage() throws Exception {
        String ayuPhone = TestData.phone();
        customer(ayuPhone, "Ayu Lestari", "id");
        Cookie ayu = signIn(ayuPhone);
        assertThat(page(ayu, "/wallet", "id")).contains("Dompet saya").contains("Belum terverifikasi");
        assertThat(page(ayu, "/wallet/top-up", "id")).contains("Isi saldo dari bank").contains("<label for=\"amount\"");
        String weiPhone = TestData.phone();
        customer(weiPhone, "Wei Chen", "zh-CN");
        Cookie wei = signIn(weiPhone);
        assertThat(page(wei, "/wallet", "zh-CN")).contains("我的钱包");
        assertThat(page(wei, "/wallet/send", "zh-CN")).contains("收款人手机号");
        assertThat(page(wei, "/wallet/transactions", "zh-CN")).contains("交易记录");
    }
}
