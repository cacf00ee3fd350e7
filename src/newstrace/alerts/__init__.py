"""Follow and alerts: subscriptions matched against stories as they form and change, an outbox with
exactly one alert per (subscription, story, kind), and delivery over e-mail, signed webhooks, Web
Push, Atom feeds and Apprise. The core calls ``service.AlertService``."""
