// Filter and search over the works: text, year, venue kind, source, co-author.
// Works that do not match are hidden; a year with none left is hidden with them.
// A co-author in the graph or the list selects the works shared with them.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) return;
  var works = Array.prototype.slice.call(document.querySelectorAll("li.work"));
  var years = Array.prototype.slice.call(document.querySelectorAll("section.year"));
  var shown = document.getElementById("shown");
  var none = document.getElementById("none");
  var q = form.elements.q, year = form.elements.year, kind = form.elements.kind, source = form.elements.source;
  var person = form.elements.person;

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    works.forEach(function (li) {
      var text = li.getAttribute("data-text");
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!year.value || li.getAttribute("data-year") === year.value) &&
        (!kind.value || li.getAttribute("data-kinds").split(" ").indexOf(kind.value) >= 0) &&
        (!source.value || li.getAttribute("data-sources").split("|").indexOf(source.value) >= 0) &&
        (!person || !person.value || li.getAttribute("data-people").split(" ").indexOf(person.value) >= 0);
      li.hidden = !ok;
      if (ok) n++;
    });
    years.forEach(function (s) { s.hidden = !s.querySelector("li.work:not([hidden])"); });
    shown.textContent = n + " of " + works.length + " works";
    none.hidden = n > 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  function pick(el) {
    if (!person) return;
    person.value = el.getAttribute("data-filter-person");
    apply();
    document.getElementById("works-h").scrollIntoView();
    person.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter-person]"), function (el) {
    el.addEventListener("click", function () { pick(el); });
    el.addEventListener("keydown", function (e) {
      if (el.tagName !== "BUTTON" && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); pick(el); }
    });
  });
})();
