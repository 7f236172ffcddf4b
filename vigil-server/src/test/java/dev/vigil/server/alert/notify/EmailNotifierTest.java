package dev.vigil.server.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email through a real SMTP server (GreenMail on 127.0.0.1). */
class EmailNotifierTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  private SmtpSettings smtp() {
    return new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "vigil@example.com", null, null, false);
  }

  @Test
  void firingAndResolvedMailsReachEveryRecipient() throws Exception {
    EmailNotifier email = new EmailNotifier(smtp());
    Channel.Email team = new Channel.Email("team", List.of("oncall@example.com", "lead@example.com"));

    assertThat(email.send(team, Alerts.firing()).ok()).isTrue();
    assertThat(email.send(team, Alerts.resolved()).ok()).isTrue();

    MimeMessage[] got = SMTP.getReceivedMessages();
    assertThat(got).hasSize(4); // two messages, two recipients each
    MimeMessage first = SMTP.getReceivedMessagesForDomain("oncall@example.com")[0];
    assertThat(first.getSubject()).isEqualTo("[FIRING critical] answer relevance p50 below 7 on support-chat");
    String body = GreenMailUtil.getBody(first);
    assertThat(body).contains("Probable cause: prompt support-answer v3 deployed 09:52")
        .contains("Runbook: https://runbooks.example/answer-quality").contains("feature: support-chat");
    assertThat(SMTP.getReceivedMessagesForDomain("lead@example.com")[1].getSubject()).startsWith("[RESOLVED critical]");
  }

  @Test
  void noSmtpServerIsARetryableFailure() {
    SmtpSettings nowhere = new SmtpSettings("127.0.0.1", 1, "vigil@example.com", null, null, false);
    SendResult r = new EmailNotifier(nowhere).send(new Channel.Email("team", List.of("a@example.com")), Alerts.firing());

    assertThat(r.ok()).isFalse();
    assertThat(r.retryable()).isTrue();
    assertThat(r.error()).startsWith("SMTP:");
  }

  @Test
  void settingsNeverPrintThePassword() {
    SmtpSettings s = new SmtpSettings("smtp.example.com", 587, "vigil@example.com", "vigil", "hunter2", true);
    assertThat(s.toString()).doesNotContain("hunter2");
  }
}
