/**
 * The help centre and the 24-hour assistant: Markdown articles in every supported language with their
 * revisions, a Lucene search index kept in step with the database, the intent classifier, and the assistant
 * that answers chat customers from articles and from their own wallet data before handing over to a human.
 *
 * <p>Other modules use {@link io.walletdesk.knowledge.HelpCentre} to search published articles, and
 * {@link io.walletdesk.knowledge.LanguageTextIndex} to search their own texts with the same analysis and typo
 * tolerance.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "ledger", "support"})
package io.walletdesk.knowledge;
