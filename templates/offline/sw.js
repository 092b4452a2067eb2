{% autoescape off %}// Pacewise's service worker (apps/checkins/offline.py says what it may keep, and why).
// It precaches the static files, the offline page and the check-in shell: public pages with
// nothing of anyone's in them. It never caches any other page or answer. Check-ins made
// offline wait in IndexedDB (static/js/offline-queue.js) until they are sent. Reminders come
// as push messages (apps/outbox/push.py) and open their page when tapped.
"use strict";
importScripts({{ queue_script }});

const CACHE = "pacewise-{{ version }}";
const PRECACHE = {{ precache }};
const OFFLINE_URL = {{ offline_url }};
const SHELL_URL = {{ shell_url }};
const TODAY_PATH = {{ today_url }};
const ICON = {{ icon_url }};
const PRECACHED = new Set(PRECACHE.map((url) => new URL(url, self.location).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Pages always come from the network; only when there is none does a kept page stand in.
    const standIn = new URL(request.url).pathname === TODAY_PATH ? SHELL_URL : OFFLINE_URL;
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(standIn).then((kept) => kept || caches.match(OFFLINE_URL))
      )
    );
    return;
  }
  if (PRECACHED.has(request.url)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === PacewiseQueue.SYNC_TAG) {
    event.waitUntil(PacewiseQueue.send({{ receive_url }}).then((results) => tellPages(results)));
  }
});

self.addEventListener("message", (event) => {
  if (event.data === "sign-out") {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
  }
});

// A reminder: a title, a line and the page it opens, encrypted for this browser alone.
self.addEventListener("push", (event) => {
  let reminder = {};
  try {
    reminder = event.data ? event.data.json() : {};
  } catch (error) {
    reminder = {};
  }
  event.waitUntil(
    self.registration.showNotification(reminder.title || "Pacewise", {
      body: reminder.body || "",
      tag: reminder.tag || "pacewise",
      icon: ICON,
      data: { url: reminder.url || TODAY_PATH },
    })
  );
});

// A tap opens the reminder's page on this site (never elsewhere), in a window already open on
// it if there is one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  let target = new URL((event.notification.data && event.notification.data.url) || TODAY_PATH, self.location.origin);
  if (target.origin !== self.location.origin) {
    target = new URL(TODAY_PATH, self.location.origin);
  }
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((page) => new URL(page.url).pathname === target.pathname);
      return open ? open.focus() : self.clients.openWindow(target.href);
    })
  );
});

function tellPages(results) {
  return self.clients.matchAll({ includeUncontrolled: true }).then((pages) => {
    pages.forEach((page) => page.postMessage({ type: "pacewise-sent", results: results }));
  });
}
{% endautoescape %}
