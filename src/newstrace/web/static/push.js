/* The "enable notifications" button of the following page. Nothing is asked before a click: the
   click asks for permission, registers the service worker (/sw.js, scope /), subscribes with the
   server's VAPID public key and POSTs the subscription (with the CSRF token) to the API. */
"use strict";

const SUBSCRIBE_TIMEOUT_MS = 8000; // a browser without a reachable push service may never answer

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function base64UrlToBytes(text) {
  const padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
}

function say(status, message) {
  status.textContent = message;
}

async function enablePush(button, status) {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(status, "This browser cannot receive notifications.");
    return;
  }
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    say(status, "Notifications were not allowed.");
    return;
  }
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
  let subscription;
  try {
    subscription = await withTimeout(
      registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(button.dataset.vapidKey),
      }),
      SUBSCRIBE_TIMEOUT_MS,
      "no answer in " + SUBSCRIBE_TIMEOUT_MS / 1000 + " s",
    );
  } catch (error) {
    say(status, "The browser's push service is not reachable: " + error.message);
    return;
  }
  const response = await fetch("/api/push/subscriptions", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": button.dataset.csrf },
    body: JSON.stringify(subscription.toJSON()),
  });
  say(status, response.ok ? "Notifications are on for this browser." : "The server refused: " + response.status);
}

document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("enable-notifications");
  const status = document.getElementById("push-status");
  if (!button || !status) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    enablePush(button, status)
      .catch((error) => say(status, "Could not enable notifications: " + error.message))
      .finally(() => { button.disabled = false; });
  });
});
