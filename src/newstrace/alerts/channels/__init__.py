"""Where alerts go: e-mail, signed webhooks, Web Push, Atom feeds and (optionally) Apprise URLs."""
