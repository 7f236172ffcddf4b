package dev.vigil.server.alert.notify;

import dev.vigil.server.alert.Notification;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Plain-text email over SMTP (Angus Mail); the subject is the headline, so threads group by alert. */
final class EmailNotifier implements Notifier<Channel.Email> {
  private final SmtpSettings smtp;
  private final Session session;

  EmailNotifier(SmtpSettings smtp) {
    this.smtp = smtp;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    props.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
    this.session = smtp.username() == null ? Session.getInstance(props) : Session.getInstance(props, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(smtp.username(), smtp.password());
      }
    });
  }

  @Override
  public SendResult send(Channel.Email channel, Notification n) {
    return sendText(channel, n.headline(), text(n), Instant.ofEpochSecond(0, n.eventEpochNanos()));
  }

  /** Any plain-text message to the channel's recipients (alerts and the weekly digest). */
  SendResult sendText(Channel.Email channel, String subject, String text, Instant sent) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from()));
      for (String to : channel.to()) message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(Date.from(sent));
      message.setText(text, "UTF-8");
      Transport.send(message);
      return SendResult.delivered(null);
    } catch (SendFailedException e) {
      // the server named recipients it will never accept: retrying cannot help
      return SendResult.refused("SMTP refused the message: " + e.getMessage());
    } catch (MessagingException e) {
      return SendResult.unreachable("SMTP: " + e.getMessage());
    }
  }

  static String text(Notification n) {
    StringBuilder s = new StringBuilder(n.headline()).append("\n\n");
    if (n.details() != null) s.append(n.details()).append("\n\n");
    s.append("Rule: ").append(n.rule()).append('\n');
    s.append("Severity: ").append(n.severity().wireName()).append('\n');
    s.append("Started: ").append(Instant.ofEpochSecond(0, n.startedEpochNanos())).append('\n');
    if (!n.firing()) s.append("Resolved: ").append(Instant.ofEpochSecond(0, n.eventEpochNanos())).append('\n');
    n.labels().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    if (n.suspect() != null) s.append("\nProbable cause: ").append(n.suspect()).append('\n');
    if (n.link() != null) s.append("\nOpen in Vigil: ").append(n.link()).append('\n');
    if (n.runbookUrl() != null) s.append("Runbook: ").append(n.runbookUrl()).append('\n');
    return s.toString();
  }
}
