package dev.vigil.server.demo;

import java.util.ArrayList;
import java.util.List;

/** Prompt material for the summarize, search, classify features and the PII that users paste in. */
final class Texts {
  private Texts() {}

  /** Things people type that masking must catch: emails, phone numbers, a (test) card number. */
  static final List<String> PII = List.of(
      " My email is maria.gonzalez@example.com if you need it.",
      " You can call me back at +1 (415) 555-0198.",
      " The card ending in 1111 was used, full number 4111 1111 1111 1111.",
      " I'm John Carter, reach me at +44 20 7946 0958 or john.carter@example.org.",
      " Please send the invoice to billing@acme-retail.example, phone +49 30 901820.");

  record Ticket(String text, String label) {}

  static final List<Ticket> TICKETS = List.of(
      new Ticket("I was billed for 12 seats but we only have 9 users.", "billing"),
      new Ticket("Exports to CSV are empty since yesterday's update.", "bug"),
      new Ticket("I can't log in, it says my account is locked.", "account_access"),
      new Ticket("Would love a dark mode for the dashboard!", "feature_request"),
      new Ticket("My package shows delivered but nothing arrived.", "shipping"),
      new Ticket("The invoice PDF has the wrong VAT number.", "billing"),
      new Ticket("Webhook deliveries fail with a 500 from your side.", "bug"),
      new Ticket("Please add SAML support for Okta.", "feature_request"),
      new Ticket("Lost my phone, can't get past two-factor.", "account_access"),
      new Ticket("Do you have a student discount?", "other"));

  static final String CLASSIFY_SYSTEM = "Classify the support ticket into one of: billing, bug, account_access,"
      + " feature_request, shipping, other. Reply with JSON {\"label\": string, \"confidence\": number}.";

  static final String SUMMARIZE_SYSTEM = "Summarize the document for a busy executive in at most three sentences."
      + " Keep numbers, owners and dates. Do not add facts that are not in the document.";

  private static final List<List<String>> DOCUMENTS = List.of(
      List.of("Weekly product sync, 14 attendees.", "The team agreed to ship the new onboarding flow on March 12.",
          "Priya owns the rollout plan and the help-center update.", "Activation in the beta cohort rose from 31% to 38%.",
          "Two enterprise customers asked for SCIM provisioning before renewal.", "Design will share mobile mocks next Tuesday.",
          "The pricing page experiment is paused until legal reviews the copy.", "Support volume dropped 12% week over week.",
          "The data team flagged a tracking gap on Safari that inflates drop-off.", "Next sync moves to Thursday."),
      List.of("Postmortem: checkout outage on 2 May, 42 minutes.", "A configuration change disabled the payment retry queue.",
          "About 3,100 orders failed and 2,650 were recovered automatically.", "Detection took 11 minutes because the alert threshold was too loose.",
          "The change had been approved but not tested in staging.", "Rollback restored service at 14:52 UTC.",
          "Action item: add a canary stage for configuration changes (owner: Tomás).", "Action item: tighten the checkout error-rate alert to 2% over 5 minutes.",
          "Customers affected received a 10% voucher.", "No data was lost."),
      List.of("Customer feedback digest, Q3, 412 responses.", "Users praise the speed of search and the new editor.",
          "The most common complaint is the lack of offline mode on mobile.", "Enterprise admins want audit-log exports in CSV.",
          "Net promoter score is 41, up from 36 in Q2.", "Several teams are confused by the new permission model.",
          "Churned customers cite price more often than missing features.", "Requests for a Jira integration doubled.",
          "Onboarding emails are rated helpful by 78% of new users.", "Support response time is the top driver of satisfaction."),
      List.of("Master services agreement, renewal terms.", "The agreement renews automatically for 12 months unless cancelled 60 days before renewal.",
          "Fees increase by at most 5% per renewal term.", "The provider guarantees 99.9% monthly uptime.",
          "Service credits are 10% of the monthly fee per full hour below the guarantee.", "Either party may terminate for material breach with 30 days notice.",
          "Customer data is deleted within 30 days of termination.", "Liability is capped at the fees paid in the previous 12 months.",
          "The governing law is that of the State of New York.", "Subprocessors are listed on the trust page."));

  /** A document of 6 to 10 lines from one of the corpora, and a faithful summary of it. */
  static String[] document(Dice dice) {
    List<String> source = dice.pick(DOCUMENTS);
    List<String> lines = new ArrayList<>(source.subList(0, dice.between(6, source.size())));
    String doc = String.join("\n", lines);
    String summary = lines.get(0) + " " + lines.get(1) + " " + lines.get(Math.min(lines.size() - 1, 2 + dice.between(0, 3)));
    return new String[] {doc, summary};
  }

  record SearchEntry(String query, List<OpenInferenceDialect.Doc> docs, String answer) {}

  static final List<SearchEntry> SEARCH = List.of(
      search("how long are audit logs kept", "Audit logs are kept for 400 days on Enterprise and 90 days on Team plans. You can export them as CSV from Admin > Audit log at any time.",
          doc("docs/audit-logs", "Audit log retention: Enterprise 400 days, Team 90 days. Export as CSV or stream to your SIEM.", 0.93),
          doc("docs/security", "Security overview: encryption at rest, SSO, SCIM, audit logs.", 0.71)),
      search("difference between team and enterprise plans", "Enterprise adds SSO with SCIM provisioning, a 99.95% uptime SLA, custom API limits and a dedicated success manager. Team includes SSO but not SCIM.",
          doc("docs/plans", "Plans compared: Team has SSO, 3000 rpm API. Enterprise adds SCIM, 99.95% SLA, custom limits, success manager.", 0.9),
          doc("docs/pricing", "Pricing is per seat and billed monthly or annually; annual saves 17%.", 0.66)),
      search("webhook signature verification example", "Each webhook carries an X-Acme-Signature header: an HMAC-SHA256 of the raw body with your signing secret. Compute it yourself and compare in constant time before trusting the payload.",
          doc("docs/webhooks", "Verifying webhooks: HMAC-SHA256 over the raw request body, hex encoded, in X-Acme-Signature.", 0.95),
          doc("docs/webhooks-retries", "Webhooks are retried 8 times with exponential backoff over 24 hours.", 0.62)),
      search("can i self host", "Self-hosting is available on the Enterprise plan as a Helm chart for Kubernetes 1.28 or newer. Updates ship monthly.",
          doc("docs/self-hosting", "Self-hosted deployment: Enterprise only, Helm chart, Kubernetes >= 1.28, PostgreSQL 15.", 0.88)),
      search("rotate api key without downtime", "Create a second key, deploy it to your services, then revoke the old key. Both keys work at the same time until you revoke one.",
          doc("docs/api-keys", "API keys: up to 5 active keys per workspace; revoke takes effect within 60 seconds.", 0.91),
          doc("docs/security", "Security overview: encryption at rest, SSO, SCIM, audit logs.", 0.58)));

  private static SearchEntry search(String q, String answer, OpenInferenceDialect.Doc... docs) {
    return new SearchEntry(q, List.of(docs), answer);
  }

  private static OpenInferenceDialect.Doc doc(String id, String text, double score) {
    return new OpenInferenceDialect.Doc(id, text, score);
  }
}
