-- What each official channel is for, in Indonesian and Chinese too (issue 17, X6): /verify showed the
-- English label on every page. Channels an admin adds from now on need all three; older ones added by hand
-- keep NULL here and are shown in English, marked as such.
ALTER TABLE reach_official_channel ADD COLUMN label_id VARCHAR(200);
ALTER TABLE reach_official_channel ADD COLUMN label_zh VARCHAR(200);

UPDATE reach_official_channel SET label_id = 'Pusat panggilan (24 jam)', label_zh = '客服热线（24 小时）'
 WHERE label = 'Call centre (24/7)';
UPDATE reach_official_channel SET label_id = 'Dukungan WhatsApp', label_zh = 'WhatsApp 客服'
 WHERE label = 'WhatsApp support';
UPDATE reach_official_channel SET label_id = 'Semua alamat yang berakhiran @walletdesk.co.id',
       label_zh = '所有以 @walletdesk.co.id 结尾的地址'
 WHERE label = 'All addresses ending in @walletdesk.co.id';
UPDATE reach_official_channel SET label_id = 'E-mail layanan pelanggan', label_zh = '客服电子邮件'
 WHERE label = 'Customer support e-mail';
UPDATE reach_official_channel SET label_id = 'Situs web dan aplikasi web', label_zh = '网站和网页版应用'
 WHERE label = 'Website and web app';
UPDATE reach_official_channel SET label_id = 'Tautan pendek', label_zh = '短链接' WHERE label = 'Short links';
UPDATE reach_official_channel SET label_id = 'Instagram', label_zh = 'Instagram' WHERE label = 'Instagram';
UPDATE reach_official_channel SET label_id = 'X (Twitter)', label_zh = 'X（推特）' WHERE label = 'X (Twitter)';
UPDATE reach_official_channel SET label_id = 'Telegram', label_zh = 'Telegram' WHERE label = 'Telegram';
UPDATE reach_official_channel SET label_id = 'TikTok', label_zh = 'TikTok（抖音国际版）' WHERE label = 'TikTok';
UPDATE reach_official_channel SET label_id = 'Bot layanan di Telegram', label_zh = 'Telegram 客服机器人'
 WHERE label = 'Telegram support bot';
