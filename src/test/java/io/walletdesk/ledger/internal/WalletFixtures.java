package io.walletdesk.ledger.internal;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import java.util.Map;
import java.util.UUID;

/** Customers with wallets, PINs and money, through the real API. */
final class WalletFixtures {

    static final String PIN = "246810";

    private final int port;
    private final CustomerWallets wallets;
    private final SimulatedBank bank;

    WalletFixtures(int port, CustomerWallets wallets, SimulatedBank bank) {
        this.port = port;
        this.wallets = wallets;
        this.bank = bank;
    }

    /** A registered, signed-in customer. */
    record Customer(long userId, String phone, ApiClient api) {
    }

    Customer customer(String name) {
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port);
        ApiClient.Response registered = api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(),
                "name", name, "language", "en", "password", TestData.PASSWORD));
        if (registered.status() != 202) {
            throw new IllegalStateException("Registration failed: " + registered.status() + " " + registered.body());
        }
        api.signIn(phone, TestData.PASSWORD);
        long userId = api.get("/api/v1/me").json().get("id").asLong();
        return new Customer(userId, phone, api);
    }

    Customer customerWithPin(String name) {
        Customer customer = customer(name);
        ApiClient.Response pin = customer.api().post("/api/v1/wallet/pin", Map.of("pin", PIN));
        if (pin.status() != 204) {
            throw new IllegalStateException("PIN failed: " + pin.status() + " " + pin.body());
        }
        return customer;
    }

    Customer verified(String name) {
        Customer customer = customerWithPin(name);
        wallets.open(customer.userId());
        wallets.setTier(customer.userId(), WalletTier.VERIFIED);
        return customer;
    }

    /** Tops up through the API and lets the simulated bank confirm at once. */
    ApiClient.Response topUp(Customer customer, long amount, String bankAccount) {
        ApiClient.Response response = customer.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/top-ups", Map.of("bankCode", "BCA", "bankAccount", bankAccount, "amount", amount));
        bank.deliverAllNow();
        return response;
    }

    void fund(Customer customer, long amount) {
        ApiClient.Response response = topUp(customer, amount, "12345" + String.format("%05d", customer.userId() % 100000));
        if (response.status() != 201) {
            throw new IllegalStateException("Top-up failed: " + response.status() + " " + response.body());
        }
    }

    static ApiClient.Response transfer(Customer from, String phone, long amount, String key) {
        return from.api().header("Idempotency-Key", key)
                .post("/api/v1/wallet/transfers", Map.of("phone", phone, "amount", amount, "pin", PIN));
    }

    static ApiClient.Response pay(Customer from, String merchant, long amount, String key) {
        return from.api().header("Idempotency-Key", key)
                .post("/api/v1/wallet/payments", Map.of("merchantCode", merchant, "amount", amount, "pin", PIN));
    }

    static long balance(Customer customer) {
        return customer.api().get("/api/v1/wallet").json().get("balance").asLong();
    }
}
