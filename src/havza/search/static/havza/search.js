// Search in the static export: fold the query as the site's analyzer folds text
// (havza.search.analysis), ask Pagefind, list the results. The live site needs none of this.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ALEFS = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "\u200c": "" };
const ARABIC = { ...ALEFS, "ى": "ي", "ی": "ي", "ک": "ك" };
const PERSIAN = { ...ALEFS, "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه" };
const ZEROS = [0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66,
  0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

function digit(char) {
  const code = char.codePointAt(0);
  const zero = ZEROS.filter((z) => z <= code && code < z + 10).pop();
  return zero === undefined ? char : String(code - zero);
}

export function fold(text, lang) {
  text = text.normalize("NFKC").replace(/\p{Nd}/gu, digit);
  if (/[\u0600-\u06ff\u200c]/.test(text)) {
    const table = lang === "fa" ? PERSIAN : ARABIC;
    text = text.replace(ARABIC_MARKS, "").replace(/./gu, (c) => table[c] ?? c);
    if (lang !== "fa") text = text.replace(/ه(?![\p{L}\p{N}])/gu, "ة");
  }
  text = lang === "tr" || lang === "az" ? text.toLocaleLowerCase("tr") : text.toLowerCase();
  return text.replace(/[\u0370-\u03ff\u1f00-\u1fff]+/g, (run) =>
    run.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").replace(/ς/g, "σ"));
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text) node.textContent = text;
  return node;
}

// The language's index comes in parts (havza.search.static_bundle): the first is loaded, the
// others merged into it, so one search covers them all.
async function open(bundle, lang) {
  const response = await fetch(new URL("parts.json", new URL(bundle, document.baseURI)));
  const parts = response.ok ? (await response.json())[lang] || [] : [];
  if (!parts.length) return null;
  const base = (part) => new URL(`${part}/`, new URL(bundle, document.baseURI)).pathname;
  const pagefind = await import(`${base(parts[0])}pagefind.js`);
  for (const part of parts.slice(1)) await pagefind.mergeIndex(base(part), { language: lang });
  return pagefind;
}

async function run() {
  const box = document.getElementById("search-results");
  const query = new URLSearchParams(window.location.search).get("q") || "";
  document.getElementById("search-q").value = query;
  if (!query.trim()) return;
  const pagefind = await open(box.dataset.bundle, box.dataset.lang);
  const found = pagefind ? await pagefind.search(fold(query, box.dataset.lang)) : { results: [] };
  const items = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  if (!items.length) {
    box.append(element("p", { class: "empty" }, box.dataset.nothing.replace("%(query)s", query)));
    return;
  }
  box.append(element("p", { class: "search-count" },
    box.dataset.count.replace("%(count)s", String(found.results.length))));
  const list = element("ol", { class: "items search-results" });
  for (const item of items) {
    const entry = element("li", { class: "item" });
    const heading = element("h2", { class: "item-title" });
    heading.append(element("a", { href: item.url }, item.meta.title));
    entry.append(heading, element("p", { class: "snippet" }, item.meta.summary || ""));
    list.append(entry);
  }
  box.append(list);
}

run();
