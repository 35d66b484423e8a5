package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.testing.WalletDeskTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Supervisors edit the components and groups; the public page and API follow. */
@WalletDeskTest
class StaffComponentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    AuditTrail audit;

    @Test
    void supervisorsAddGroupsAndComponentsAndRenameThem() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100000);
        String group = "partners-" + suffix;
        String code = "bank-link-" + suffix;
        mvc.perform(get("/staff/status/components").with(user("21").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/status/components").with(user("22").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("top-up")));

        mvc.perform(post("/staff/status/groups").with(user("22").roles("SUPERVISOR")).with(csrf())
                        .param("code", group).param("position", "3").param("name_en", "Partners")
                        .param("name_zh", "合作伙伴").param("name_id", "Mitra"))
                .andExpect(redirectedUrl("/staff/status/components"));
        mvc.perform(post("/staff/status/components").with(user("22").roles("SUPERVISOR")).with(csrf())
                        .param("code", code).param("group", group).param("position", "1")
                        .param("name_en", "Bank link").param("name_zh", "银行连接").param("name_id", "Tautan bank")
                        .param("description_en", "Connections to partner banks.").param("customerFacing", "on"))
                .andExpect(redirectedUrl("/staff/status/components"));
        mvc.perform(post("/staff/status/components").with(user("22").roles("SUPERVISOR")).with(csrf())
                        .param("code", code).param("name_en", "Again"))
                .andExpect(status().isConflict());
        mvc.perform(post("/staff/status/components").with(user("22").roles("SUPERVISOR")).with(csrf())
                        .param("code", "Bad Code!").param("name_en", "Bad"))
                .andExpect(status().isBadRequest());

        StatusSnapshot snapshot = snapshots.current().snapshot();
        StatusSnapshot.Component created = snapshot.component(code).orElseThrow();
        assertThat(created.groupCode()).isEqualTo(group);
        assertThat(created.name().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("银行连接");
        assertThat(created.status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(snapshot.uptime().get(code).days().get(89).worst()).isEqualTo(ComponentStatus.OPERATIONAL);

        mvc.perform(get("/staff/status/components/" + code).with(user("22").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Tautan bank\"")));
        mvc.perform(post("/staff/status/components/" + code + "/edit").with(user("22").roles("SUPERVISOR")).with(csrf())
                        .param("group", group).param("position", "2").param("name_en", "Partner banks")
                        .param("name_id", "Bank mitra"))
                .andExpect(redirectedUrl("/staff/status/components"));
        mvc.perform(get("/status").header("Accept-Language", "id"))
                .andExpect(content().string(containsString("Bank mitra")))
                .andExpect(content().string(containsString("Mitra")));
        assertThat(snapshots.current().snapshot().component(code).orElseThrow().customerFacing()).isFalse();

        assertThat(audit.recent(22L, 10)).extracting(AuditTrail.AuditRecord::action)
                .contains("STATUS_GROUP_CREATED", "STATUS_COMPONENT_CREATED", "STATUS_COMPONENT_EDITED");
    }
}
