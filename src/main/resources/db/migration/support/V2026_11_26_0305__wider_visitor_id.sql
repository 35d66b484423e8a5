-- Visitors known by e-mail ("mail:" + address) need more than 40 characters.
ALTER TABLE conversations ALTER COLUMN visitor_id SET DATA TYPE VARCHAR(300);
