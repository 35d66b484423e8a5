-- The Telegram support bot (issue 14) is an official channel; the WhatsApp number is listed since the start.
INSERT INTO reach_official_channel (kind, normalized, display_value, network, label, active, created_at)
SELECT 'HANDLE', 'walletdeskbot', '@WalletDeskBot', 'telegram', 'Telegram support bot', TRUE, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM reach_official_channel
                  WHERE kind = 'HANDLE' AND network = 'telegram' AND normalized = 'walletdeskbot');
