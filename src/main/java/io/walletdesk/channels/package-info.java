/**
 * Channels beyond live chat: e-mail (IMAP polling in, SMTP out, threading, loop and bounce handling),
 * and later phone callbacks and messaging apps. Everything lands in the support module's conversations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "support", "reachability", "disputes"})
package io.walletdesk.channels;
