/**
 * Messaging apps (issue 14, requirements C4 and X3): WhatsApp Business Platform (Cloud API) and Telegram Bot API
 * webhooks, checked (signature or secret token) before anything is parsed and stored once per platform id; the
 * deliveries become messages of support conversations after the webhook has answered; agents' and the
 * assistant's replies go back through an outbox with retries and backoff. A channel whose settings are unset is
 * off and its webhook answers 404. ADR 0512.
 */
package io.walletdesk.channels.messaging;
