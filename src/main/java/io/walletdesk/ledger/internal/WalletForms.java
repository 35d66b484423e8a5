package io.walletdesk.ledger.internal;

import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.UUID;

/** Form beans of the wallet pages (mutable, for data binding and th:field). */
final class WalletForms {

    private WalletForms() {
    }

    static long amount(String text) {
        try {
            Money money = Money.parse(text);
            if (!money.isPositive()) {
                throw new IllegalArgumentException("not positive");
            }
            return money.rupiah();
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.forField("amount-invalid", FailureKind.INVALID, "amount");
        }
    }

    /** Common to money forms: the request key makes a double-submitted form pay once. */
    abstract static class MoneyForm {
        private String amount;
        private String note;
        private String pin;
        private String requestKey = UUID.randomUUID().toString();

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public String getPin() {
            return pin;
        }

        public void setPin(String pin) {
            this.pin = pin;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    /** Send money to a phone number. */
    public static class SendForm extends MoneyForm {
        private String phone;

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    /** Pay a merchant by code. */
    public static class PayForm extends MoneyForm {
        private String merchantCode;

        public String getMerchantCode() {
            return merchantCode;
        }

        public void setMerchantCode(String merchantCode) {
            this.merchantCode = merchantCode;
        }
    }

    /** Top up from a bank account. */
    public static class TopUpForm extends MoneyForm {
        private String bankCode = "BCA";
        private String bankAccount;

        public String getBankCode() {
            return bankCode;
        }

        public void setBankCode(String bankCode) {
            this.bankCode = bankCode;
        }

        public String getBankAccount() {
            return bankAccount;
        }

        public void setBankAccount(String bankAccount) {
            this.bankAccount = bankAccount;
        }
    }

    /** Set or change the PIN. */
    public static class PinForm {
        private String currentPin;
        private String pin;

        public String getCurrentPin() {
            return currentPin;
        }

        public void setCurrentPin(String currentPin) {
            this.currentPin = currentPin;
        }

        public String getPin() {
            return pin;
        }

        public void setPin(String pin) {
            this.pin = pin;
        }
    }
}
