package io.walletdesk;

import io.walletdesk.knowledge.IntentEvaluation;
import java.util.Arrays;
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
        if (args.length > 0 && args[0].equals("intent-eval")) {
            // offline evaluation of the intent classifier: no Spring context, no web server; results alone on stdout
            if (System.getProperty("logback.configurationFile") == null) {
                System.setProperty("logback.configurationFile", "io/walletdesk/knowledge/intent/intent-eval-logback.xml");
            }
            System.exit(IntentEvaluation.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(WalletDeskApplication.class, args);
    }
}
