// The editor's small helpers: take a suggestion into the text, and ask the machine
// translation engine for suggestions once the page is shown (a slow engine never delays it).
"use strict";

function useSuggestion(event) {
  const button = event.target.closest(".tx-use");
  if (!button) return;
  const segment = button.closest(".tx-segment");
  const textarea = segment.querySelector("textarea[name=text]");
  textarea.value = button.dataset.text;
  textarea.focus();
}

function showMachineSuggestions(editor, data) {
  const suggestions = data.suggestions || {};
  for (const segment of editor.querySelectorAll(".tx-segment")) {
    const text = suggestions[segment.dataset.key];
    if (!text) continue;
    const list = segment.querySelector(".tx-machine");
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tx-use";
    button.dataset.text = text;
    button.textContent = editor.dataset.machineLabel || "MT";
    button.title = data.engine || "";
    const span = document.createElement("span");
    span.lang = editor.dataset.lang;
    span.dir = editor.dataset.dir;
    span.textContent = " " + text;
    item.append(button, span);
    list.append(item);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const editor = document.getElementById("tx-editor");
  if (!editor) return;
  editor.addEventListener("click", useSuggestion);
  if (!editor.querySelector(".tx-segment")) return;
  fetch(editor.dataset.machineUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : {}))
    .then((data) => showMachineSuggestions(editor, data))
    .catch(() => {});
});
