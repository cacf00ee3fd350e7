/* newstrace service worker: shows the alerts the server pushes, opens the story on a click.
   The payload is JSON made by alerts/channels/webpush.py: {title, body, url, tag, kind, story_id}. */
"use strict";

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = { title: "newstrace", body: event.data ? event.data.text() : "" };
  }
  const title = String(data.title || "newstrace");
  const options = {
    body: String(data.body || ""),
    tag: String(data.tag || ""),
    data: { url: typeof data.url === "string" ? data.url : "/" },
    icon: "/static/favicon.svg",
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data && event.notification.data.url || "/", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : self.location.origin + "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === url && "focus" in client) return client.focus();
      }
      return self.clients.openWindow(url);
    })
  );
});
