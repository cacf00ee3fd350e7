"""E-mail over SMTP (smtplib): one message per alert or digest.

The Message-ID is built from the alert's idempotency key, so a message sent twice after a crash
between "sent" and "recorded" carries the same Message-ID and mail clients show it once.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from newstrace.alerts.channels.base import ChannelError, render_message
from newstrace.alerts.records import Alert, Subscription


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    sender: str = "newstrace@localhost"
    username: str = ""
    password: str = ""
    starttls: bool = False  # upgrade the connection with STARTTLS before logging in
    timeout: float = 20.0
    message_id_domain: str = "newstrace.invalid"


def build_email(
    settings: SmtpSettings, to: str, subscription: Subscription, alerts: list[Alert]
) -> EmailMessage:
    rendered = render_message(subscription, alerts)
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = to
    message["Subject"] = rendered.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = f"<{rendered.idempotency_key}@{settings.message_id_domain}>"
    message["X-Newstrace-Idempotency-Key"] = rendered.idempotency_key
    message.set_content(rendered.text)
    return message


class EmailChannel:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        to = destination.removeprefix("email:")
        message = build_email(self.settings, to, subscription, alerts)
        s = self.settings
        try:
            with smtplib.SMTP(s.host, s.port, timeout=s.timeout) as smtp:
                if s.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if s.username:
                    smtp.login(s.username, s.password)
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            raise ChannelError(f"email {to}: recipient refused", permanent=True) from error
        except (smtplib.SMTPException, OSError) as error:
            raise ChannelError(f"email {to}: {type(error).__name__}: {error}") from error
