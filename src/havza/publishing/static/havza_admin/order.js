// Rows of signatories, authors and speakers in the order they are listed on the site: "move
// up" and "move down" buttons rearrange the rows and renumber their positions 1..n. Without
// this script the positions are typed by hand, and the server numbers rows left at 0.
(function () {
  "use strict";

  function rows(group) {
    return Array.prototype.filter.call(group.querySelectorAll("tr.form-row"), function (row) {
      return !row.classList.contains("empty-form") && row.querySelector("input[name$='-position']");
    });
  }

  function filled(row) {
    return Array.prototype.some.call(row.querySelectorAll("select, input[type=text]"), function (field) {
      return field.value !== "" && !/-(position|role)$/.test(field.name);
    });
  }

  function renumber(group) {
    var n = 0;
    rows(group).forEach(function (row) {
      var position = row.querySelector("input[name$='-position']");
      var deleted = row.querySelector("input[name$='-DELETE']");
      if ((deleted && deleted.checked) || !filled(row)) return;
      n += 1;
      position.value = String(n);
    });
  }

  function move(row, step) {
    var group = row.closest(".havza-ordered");
    var list = rows(group);
    var other = list[list.indexOf(row) + step];
    if (!other) return;
    if (step < 0) { other.before(row); } else { other.after(row); }
    renumber(group);
    row.querySelector(step < 0 ? ".havza-move-up" : ".havza-move-down").focus();
  }

  function button(row, input, step) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = step < 0 ? "havza-move havza-move-up" : "havza-move havza-move-down";
    b.textContent = step < 0 ? "↑" : "↓";
    b.title = (step < 0 ? input.dataset.moveUp : input.dataset.moveDown) || "";
    b.setAttribute("aria-label", b.title);
    b.addEventListener("click", function () { move(row, step); });
    return b;
  }

  function bind(root) {
    root.querySelectorAll(".havza-ordered tr.form-row").forEach(function (row) {
      var input = row.querySelector("input[name$='-position']");
      if (!input || row.dataset.havzaOrdered || row.classList.contains("empty-form")) return;
      row.dataset.havzaOrdered = "1";
      input.parentNode.append(button(row, input, -1), button(row, input, 1));
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("formset:added", function (event) {
    bind(event.target.closest(".havza-ordered") || document);
  });
})();
