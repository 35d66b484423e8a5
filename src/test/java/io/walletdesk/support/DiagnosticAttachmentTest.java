package io.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A self-diagnosis report travels with the message a customer leaves, so the agent sees it (A1, E3). */
@WalletDeskTest
class DiagnosticAttachmentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;

    @Test
    void theReportIsAttachedToTheLeftMessage() throws Exception {
        var diagnosed = mvc.perform(post("/diagnose").with(csrf())
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 11; Redmi Note 8) Chrome/110.0 Mobile Safari/537.36"))
                .andReturn();
        String reportId = (String) diagnosed.getModelAndView().getModel().get("reportId");
        assertThat(reportId).startsWith("DG-");

        mvc.perform(get("/support/message").param("report", reportId))
                .andExpect(content().string(Matchers.containsString("id=\"diagnostic-attached\"")));
        String email = TestData.email();
        var sent = mvc.perform(post("/support/message").with(csrf()).param("report", reportId).param("name", "Agus")
                        .param("email", email).param("body", "The chat does not load on my phone"))
                .andReturn();
        String page = sent.getResponse().getContentAsString();
        String reference = page.replaceAll("(?s).*(WD-\\d+).*", "$1");
        var conversation = conversations.byReference(reference, new Participant.System("test")).orElseThrow();
        String body = conversations.messagesAfter(conversation.id(), new Participant.System("test"), 0, 10).get(0).body();
        assertThat(body).contains("The chat does not load on my phone", reportId, "Android");
    }

    @Test
    void theAttachedReportIsWrittenInTheCustomersLanguage() throws Exception {
        var diagnosed = mvc.perform(post("/diagnose").with(csrf()).header("Accept-Language", "zh-CN")
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 11; Redmi Note 8) Chrome/110.0 Mobile Safari/537.36"))
                .andReturn();
        String reportId = (String) diagnosed.getModelAndView().getModel().get("reportId");
        var sent = mvc.perform(post("/support/message").with(csrf()).header("Accept-Language", "zh-CN")
                        .param("report", reportId).param("name", "李娜").param("email", TestData.email())
                        .param("body", "手机上聊天打不开"))
                .andReturn();
        String reference = sent.getResponse().getContentAsString().replaceAll("(?s).*(WD-\\d+).*", "$1");
        var conversation = conversations.byReference(reference, new Participant.System("test")).orElseThrow();
        String body = conversations.messagesAfter(conversation.id(), new Participant.System("test"), 0, 10).get(0).body();
        // Check names, outcomes and the time are Chinese, as the rest of the customer's message (issue 17).
        assertThat(body).contains("手机上聊天打不开", reportId, "自助诊断", "在线聊天连接", "设备时钟", "[未检查] 在线聊天连接: JavaScript 已关闭")
                .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} WIB")
                .doesNotContain("Live chat connection", "no JavaScript", "UTC");
    }
}
