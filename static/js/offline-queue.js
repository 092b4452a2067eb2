// Check-ins made offline, kept on this device only until they are sent, then deleted.
// Shared by the pages (static/js/offline.js) and the service worker (importScripts).
(function (scope) {
  "use strict";

  var DB = "pacewise-offline";
  var STORE = "checkins";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "client_id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function add(checkin) {
    return run("readwrite", function (store) { return store.put(checkin); });
  }

  function all() {
    return run("readonly", function (store) { return store.getAll(); });
  }

  function remove(id) {
    return run("readwrite", function (store) { return store.delete(id); });
  }

  // Send each waiting check-in once; one the server has answered (saved, a duplicate, kept
  // or refused) leaves the device. One that could not be sent waits for the next chance.
  function sendAll(url, csrf) {
    return all().then(function (waiting) {
      return Promise.all(waiting.map(function (checkin) {
        var body = new URLSearchParams(checkin);
        return fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrf },
          body: body,
        }).then(function (response) {
          if (response.status >= 500 || response.status === 403) {
            return null;
          }
          return response.json().then(function (answer) {
            return remove(checkin.client_id).then(function () { return answer; });
          });
        }, function () { return null; });
      }));
    }).then(function (answers) {
      return answers.filter(Boolean);
    });
  }

  // The same, for whoever sends (a page, or the worker's Background Sync): the session's CSRF
  // token first, from the endpoint itself, since a kept page's token is not this session's.
  function send(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (token) { return sendAll(url, token.csrf); });
  }

  // Everything this device kept: the queue itself, on sign-out.
  function forget() {
    return new Promise(function (resolve) {
      var request = indexedDB.deleteDatabase(DB);
      request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
    });
  }

  scope.PacewiseQueue = {
    SYNC_TAG: "pacewise-send-checkins",
    add: add,
    all: all,
    send: send,
    forget: forget,
  };
})(self);
