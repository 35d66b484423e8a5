-- Transactions an agent linked to a conversation from the workspace's customer panel: they travel with the
-- conversation into its evidence bundle. The transaction lives in the ledger module, so no foreign key.
CREATE TABLE conversation_transactions (
    conversation_id   BIGINT NOT NULL REFERENCES conversations (id),
    transaction_id    BIGINT NOT NULL,
    linked_by_user_id BIGINT NOT NULL,
    linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, transaction_id)
);
CREATE INDEX conversation_transactions_tx_idx ON conversation_transactions (transaction_id);

-- Free labels agents put on conversations in the workspace ("refund", "bank-bca").
CREATE TABLE conversation_labels (
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    label           VARCHAR(40) NOT NULL,
    PRIMARY KEY (conversation_id, label)
);

-- A prepared answer for the commonest question, filled from the workspace's customer panel: {failure} is the
-- explanation of the customer's last failed transaction and {balance} their wallet balance.
INSERT INTO canned_responses (shortcut, language, title, body) VALUES
 ('topup-failed', 'en', 'Top-up failed: the reason', 'Hello {customer}, I checked your top-up. {failure} Your wallet balance is {balance}; no money was taken from your wallet.'),
 ('topup-failed', 'id', 'Isi saldo gagal: alasannya', 'Halo {customer}, saya sudah memeriksa isi saldo Anda. {failure} Saldo dompet Anda {balance}; tidak ada dana yang terpotong dari dompet Anda.'),
 ('topup-failed', 'zh-CN', '充值失败：原因', '{customer}您好，我已查看您的充值。{failure} 您的钱包余额为 {balance}，钱包中没有被扣款。');
