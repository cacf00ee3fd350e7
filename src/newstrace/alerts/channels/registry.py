"""Building the channels a running installation has, from plain settings.

Webhooks always work; e-mail needs an SMTP host; Web Push needs the VAPID keys (made in the data
dir on first use); Apprise is added when the package imports.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from newstrace.alerts.channels.apprise import AppriseChannel
from newstrace.alerts.channels.base import Channel
from newstrace.alerts.channels.email import EmailChannel, SmtpSettings
from newstrace.alerts.channels.webhook import WebhookChannel
from newstrace.alerts.channels.webpush import WebPushChannel, load_or_create_vapid
from newstrace.store.alerts import AlertStore


@dataclass(frozen=True, slots=True)
class ChannelConfig:
    data_dir: str
    smtp: SmtpSettings | None = None  # None: no e-mail channel
    vapid_subject: str = "mailto:newstrace@localhost"  # contact the push services see
    webpush: bool = True
    webhook_timeout: float = 10.0
    allow_private_addresses: bool = False  # let webhooks reach loopback/private hosts (tests, intranets)


def build_channels(config: ChannelConfig, alert_store: AlertStore) -> dict[str, Channel]:
    channels: dict[str, Channel] = {
        "webhook": WebhookChannel(
            timeout=config.webhook_timeout, allow_private=config.allow_private_addresses
        )
    }
    if config.smtp is not None:
        channels["email"] = EmailChannel(config.smtp)
    if config.webpush:
        keys = load_or_create_vapid(Path(config.data_dir), config.vapid_subject)
        channels["webpush"] = WebPushChannel(keys, alert_store.get_push_endpoint)
    if importlib.util.find_spec("apprise") is not None:
        channels["apprise"] = AppriseChannel()
    return channels
