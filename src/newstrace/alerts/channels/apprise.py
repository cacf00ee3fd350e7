"""Apprise URLs (optional): the long tail of services (Matrix, Telegram, ntfy, Slack, …).

Only used when the ``apprise`` package is installed; importing it loads its plugins, some of which
touch deprecated standard modules, so those warnings are silenced around the import and the call.
"""

from __future__ import annotations

import warnings
from types import ModuleType

from newstrace.alerts.channels.base import ChannelError, render_message
from newstrace.alerts.records import Alert, Subscription


def _apprise() -> ModuleType:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import apprise
    except ImportError as error:
        raise ChannelError("apprise channel: the apprise package is not installed", permanent=True) from error
    return apprise


class AppriseChannel:
    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        url = destination.removeprefix("apprise:")
        apprise = _apprise()
        message = render_message(subscription, alerts)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            notifier = apprise.Apprise()
            if not notifier.add(url):
                raise ChannelError("apprise channel: URL not understood", permanent=True)
            if not notifier.notify(title=message.subject, body=message.text):
                raise ChannelError("apprise channel: the service did not accept the message")
