/**
 * Channels beyond live chat: e-mail (IMAP polling in, SMTP out, threading, loop and bounce handling) and the
 * messaging apps WhatsApp and Telegram (signed webhooks in, Graph API and Bot API out; ADR 0512). Everything lands
 * in the support module's conversations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "support", "reachability", "disputes"})
package io.walletdesk.channels;
