// Pacewise on a phone: registers the service worker, keeps a check-in made offline on this
// device until it can be sent, sends it when the connection returns, and clears everything
// this device kept on sign-out. Loaded on signed-in pages and on the check-in shell.
(function () {
  "use strict";

  var root = document.documentElement;
  var receiveUrl = root.dataset.offlineReceive;
  if (!("serviceWorker" in navigator) || !("indexedDB" in window) || !receiveUrl) {
    return;
  }

  // What happened to a check-in made offline, in a status region at the top of the page (the
  // check-in shell has its own; other pages get one when there is something to say).
  function say(text) {
    var region = document.getElementById("offline-status");
    var main = document.getElementById("main");
    if (!region && main) {
      region = document.createElement("div");
      region.id = "offline-status";
      region.setAttribute("role", "status");
      main.insertBefore(region, main.firstChild);
    }
    if (region) {
      var line = document.createElement("p");
      line.className = "message";
      line.textContent = text;
      region.appendChild(line);
    }
  }

  function sendWaiting() {
    return PacewiseQueue.all().then(function (waiting) {
      if (!waiting.length || !navigator.onLine) {
        return;
      }
      return PacewiseQueue.send(receiveUrl)
        .then(function (answers) {
          answers.forEach(function (answer) { say(answer.message || "A check-in could not be used."); });
          showWaiting();
        })
        .catch(function () { /* still offline, or signed out: it waits for the next chance */ });
    });
  }

  function showWaiting() {
    var note = document.getElementById("offline-waiting");
    if (!note) {
      return;
    }
    PacewiseQueue.all().then(function (waiting) {
      note.hidden = waiting.length === 0;
      note.textContent = waiting.length === 1
        ? "1 check-in is saved on this device and will be sent when you are back online."
        : waiting.length + " check-ins are saved on this device and will be sent when you are back online.";
    });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    var day = String(now.getDate()).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + day;
  }

  function keepOffline(event) {
    var form = event.target.closest("form[data-offline-checkin]");
    if (!form) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    if (!data.get("energy") || !data.get("need")) {
      say("Choose your energy and one need, then save.");
      return;
    }
    var checkin = {
      client_id: crypto.randomUUID(),
      day: today(),
      energy: data.get("energy"),
      need: data.get("need"),
      note: data.get("note") || "",
      saved_at: new Date().toISOString(),
    };
    PacewiseQueue.add(checkin).then(function () {
      form.reset();
      say("Saved on this device. It will be sent when you are back online.");
      showWaiting();
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.sync) {
        return registration.sync.register(PacewiseQueue.SYNC_TAG);
      }
    }).catch(function () { /* no Background Sync: the online event sends it */ })
      .then(sendWaiting);
  }

  function signOut(event) {
    var form = event.target.closest("form[data-signout]");
    if (!form || form.dataset.cleared) {
      return;
    }
    event.preventDefault();
    var caches = window.caches
      ? window.caches.keys().then(function (keys) {
          return Promise.all(keys.map(function (key) { return window.caches.delete(key); }));
        })
      : Promise.resolve();
    // Unregistering ends this browser's push subscription too; the server forgets it first.
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    function forgetPush(registration) {
      if (!registration.pushManager || !form.dataset.pushForget || !token) {
        return Promise.resolve();
      }
      return registration.pushManager.getSubscription().then(function (subscription) {
        if (!subscription) {
          return;
        }
        return fetch(form.dataset.pushForget, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": token.value },
          body: JSON.stringify({ endpoint: subscription.endpoint }),
        });
      }).catch(function () {});
    }
    var workers = navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.map(function (r) {
        return forgetPush(r).then(function () { return r.unregister(); });
      }));
    });
    try {
      localStorage.removeItem("pacewise-push-device");
    } catch (error) { /* storage may be off */ }
    Promise.all([caches, PacewiseQueue.forget(), workers]).catch(function () {}).then(function () {
      form.dataset.cleared = "yes";
      form.submit();
    });
  }

  var country = root.dataset.country;
  navigator.serviceWorker.register("/sw.js" + (country ? "?country=" + country : ""), { scope: "/" })
    .catch(function () { /* the site works without it */ });
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "pacewise-sent") {
      event.data.results.forEach(function (answer) { say(answer.message); });
      showWaiting();
    }
  });
  document.addEventListener("submit", keepOffline);
  document.addEventListener("submit", signOut);
  window.addEventListener("online", sendWaiting);
  document.addEventListener("DOMContentLoaded", function () {
    showWaiting();
    sendWaiting();
  });
})();
