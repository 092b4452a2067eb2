// The breathing pacer: follows the exercise's in-hold-out-hold pattern with a text cue and a
// growing and shrinking shape. Without JavaScript the page shows the rhythm as text; under
// prefers-reduced-motion the shape stays still (site.css) and only the words change.
(function () {
  "use strict";

  var NAMES = ["Breathe in", "Hold", "Breathe out", "Hold"];
  var SIZES = ["in", "hold-in", "out", "hold-out"];

  function phasesFrom(pattern) {
    var seconds = pattern.split("-").map(function (part) { return parseInt(part, 10); });
    if (seconds.length === 2) { seconds = [seconds[0], 0, seconds[1]]; }
    return seconds
      .map(function (s, i) { return { name: NAMES[i], size: SIZES[i], seconds: s }; })
      .filter(function (phase) { return phase.seconds > 0; });
  }

  function setUp(pacer) {
    var phases = phasesFrom(pacer.dataset.pattern || "");
    var shape = pacer.querySelector("[data-pacer-shape]");
    var cue = pacer.querySelector("[data-pacer-cue]");
    var count = pacer.querySelector("[data-pacer-count]");
    var start = pacer.querySelector("[data-pacer-start]");
    var stop = pacer.querySelector("[data-pacer-stop]");
    var timer = null;
    if (!phases.length) { return; }
    pacer.querySelector("[data-pacer-controls]").hidden = false;

    function run(index, left) {
      var phase = phases[index];
      if (left === phase.seconds) {
        cue.textContent = phase.name;
        shape.style.transitionDuration = phase.seconds + "s";
        shape.dataset.phase = phase.size;
      }
      count.textContent = String(left);
      timer = window.setTimeout(function () {
        if (left > 1) { run(index, left - 1); }
        else { var next = (index + 1) % phases.length; run(next, phases[next].seconds); }
      }, 1000);
    }

    start.addEventListener("click", function () {
      start.disabled = true;
      stop.disabled = false;
      pacer.dataset.running = "true";
      run(0, phases[0].seconds);
    });
    stop.addEventListener("click", function () {
      window.clearTimeout(timer);
      start.disabled = false;
      stop.disabled = true;
      delete pacer.dataset.running;
      delete shape.dataset.phase;
      cue.textContent = "Paused. Press start to breathe along again.";
      count.textContent = "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pacer]").forEach(setUp);
  });
})();
