{% autoescape off %}// Pacewise's service worker (apps/checkins/offline.py says what it may keep, and why).
// It precaches the static files, the offline page and the check-in shell: public pages with
// nothing of anyone's in them. It never caches any other page or answer. Check-ins made
// offline wait in IndexedDB (static/js/offline-queue.js) until they are sent.
"use strict";
importScripts({{ queue_script }});

const CACHE = "pacewise-{{ version }}";
const PRECACHE = {{ precache }};
const OFFLINE_URL = {{ offline_url }};
const SHELL_URL = {{ shell_url }};
const TODAY_PATH = {{ today_url }};
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

function tellPages(results) {
  return self.clients.matchAll({ includeUncontrolled: true }).then((pages) => {
    pages.forEach((page) => page.postMessage({ type: "pacewise-sent", results: results }));
  });
}
{% endautoescape %}
