/**
 * The support desk: conversations across channels, live chat, e-mail, callbacks, SLAs and satisfaction.
 * Its public pages are open to anonymous visitors and to restricted (locked) customers alike.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package io.walletdesk.support;
