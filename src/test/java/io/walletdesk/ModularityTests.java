package io.walletdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, only declared dependencies, no access to other modules' internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WalletDeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
        org.assertj.core.api.Assertions.assertThat(docs.resolve("components.puml")).exists();
        org.assertj.core.api.Assertions.assertThat(docs.resolve("module-support.adoc")).exists();
    }
}
