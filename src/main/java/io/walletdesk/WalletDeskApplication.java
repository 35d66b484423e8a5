package io.walletdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * WalletDesk: a digital wallet together with the customer-service platform that keeps its users able
 * to get help. A modular monolith; every top-level package is an application module.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class WalletDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletDeskApplication.class, args);
    }
}
