// Editor fields take their direction from the language of the content they hold, not from
// the language of the interface: an Arabic translation is typed right to left in any admin.
(function () {
  "use strict";
  var directions = JSON.parse(document.getElementById("havza-directions")?.textContent || "{}");

  function apply(select) {
    var container = select.closest(".inline-related, form");
    if (!container) return;
    var code = select.value;
    var dir = directions[code] || "auto";
    container.querySelectorAll("input[name$='title'], input[name$='subtitle'], textarea[name$='body_markdown'], input[name$='translator_credit']").forEach(function (field) {
      if (code) { field.setAttribute("lang", code); } else { field.removeAttribute("lang"); }
      field.setAttribute("dir", dir);
    });
  }

  function bind(root) {
    root.querySelectorAll("select[name$='language']").forEach(function (select) {
      if (select.dataset.havzaDirection) return;
      select.dataset.havzaDirection = "1";
      select.addEventListener("change", function () { apply(select); });
      apply(select);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("formset:added", function (event) { bind(event.target); });
})();
