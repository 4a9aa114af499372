// Editor fields take their direction from the language of the content they hold, not from
// the language of the interface: an Arabic translation is typed right to left in any admin.
// The server writes lang and dir on rows that exist; this script follows the editor's choice
// of language in the menu, on rows that exist and on rows added with "Add another".
(function () {
  "use strict";
  var FIELDS = "input[name$='title'], input[name$='subtitle'], textarea[name$='body_markdown'], input[name$='translator_credit']";

  function apply(select) {
    var directions = JSON.parse(select.dataset.havzaDirections || "{}");
    var container = select.closest(".inline-related") || select.form;
    if (!container) return;
    var code = select.value;
    container.querySelectorAll(FIELDS).forEach(function (field) {
      if (code) { field.setAttribute("lang", code); } else { field.removeAttribute("lang"); }
      field.setAttribute("dir", directions[code] || "auto");
    });
  }

  function bind(root) {
    // Only a translation's own language menu: "original language" is the work's, and
    // says nothing about the direction of the rows below it.
    root.querySelectorAll("select.havza-language").forEach(function (select) {
      if (select.dataset.havzaBound || select.name.indexOf("__prefix__") !== -1) return;
      select.dataset.havzaBound = "1";
      select.addEventListener("change", function () { apply(select); });
      apply(select);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("formset:added", function (event) { bind(event.target); });
})();
