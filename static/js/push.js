// Account -> Email and reminders: let this browser show reminders as notifications (web push).
// Asks for permission only when the person presses the button, subscribes with the server's
// VAPID public key and posts the subscription (apps/reminders/devices.py). The list of devices,
// the test notification and "Remove" are plain forms that need none of this.
(function () {
  "use strict";

  var DEVICE = "pacewise-push-device"; // this browser's device id on the server, nothing else
  var box = document.querySelector("[data-push]");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return;
  }
  var state = box.querySelector("[data-push-state]");
  var on = box.querySelector("[data-push-on]");
  var off = box.querySelector("[data-push-off]");
  var csrf = box.querySelector("input[name=csrfmiddlewaretoken]").value;

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  }

  function serverKey(text) {
    var base64 = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
  }

  function show(subscribed, text) {
    on.hidden = subscribed;
    off.hidden = !subscribed;
    on.disabled = off.disabled = false;
    state.textContent = text || (subscribed ? "This device gets your notifications." : "");
  }

  function subscription() {
    return navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return { registration: registration, existing: existing };
      });
    });
  }

  function turnOn() {
    on.disabled = true;
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== "granted") {
          throw new Error("Notifications are blocked for this site in your browser's settings. Email still works.");
        }
        return subscription();
      })
      .then(function (found) {
        return found.existing || found.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: serverKey(box.dataset.pushKey),
        });
      })
      .then(function (subscribed) {
        return post(box.dataset.pushAdd, subscribed.toJSON());
      })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) {
            throw new Error(answer.error || "The server could not keep this device.");
          }
          localStorage.setItem(DEVICE, String(answer.id));
          window.location.reload(); // the list shows it, with its test button
        });
      })
      .catch(function (error) {
        var text = error && error.name === "AbortError"
          ? "This browser could not set up notifications. Email still works."
          : (error && error.message) || "Notifications could not be set up. Email still works.";
        show(false, text);
      });
  }

  function turnOff() {
    off.disabled = true;
    subscription()
      .then(function (found) {
        if (!found.existing) {
          return;
        }
        var endpoint = found.existing.endpoint;
        return found.existing.unsubscribe().then(function () {
          return post(box.dataset.pushForget, { endpoint: endpoint });
        });
      })
      .then(function () {
        localStorage.removeItem(DEVICE);
        window.location.reload();
      })
      .catch(function () { show(true, "Notifications could not be stopped; try again."); });
  }

  box.hidden = false;
  var unsupported = document.querySelector("[data-push-unsupported]");
  if (unsupported) {
    unsupported.hidden = true;
  }
  on.addEventListener("click", turnOn);
  off.addEventListener("click", turnOff);
  show(false);
  subscription().then(function (found) {
    var known = document.querySelector('[data-device="' + localStorage.getItem(DEVICE) + '"]');
    if (found.existing && known && Notification.permission === "granted") {
      show(true);
    } else if (found.existing && !known) {
      // Removed from the list (here or on another device): this browser stops too.
      found.existing.unsubscribe().catch(function () {});
      localStorage.removeItem(DEVICE);
    }
  });
})();
