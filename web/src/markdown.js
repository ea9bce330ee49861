// Imported markdown is untrusted. It becomes DOM in three steps, every time it is shown (only
// the markdown source is ever stored):
//   1. `marked` turns it into HTML in a worker of its own (markdown-worker.js), under a time
//      limit; its errors (deep nesting overflows its stack) and overruns end in the text shown
//      as plain text with a note instead;
//   2. DOMPurify sanitises that HTML into a fragment of an inert document (nothing loads there):
//      no scripts, forms, styles or classes; ids and names get DOMPurify's "user-content-" prefix
//      so they can never capture the page's own elements (#graph, #plot, #engine-status…);
//   3. a last pass over the inert fragment: anything that would fetch from another host (img/
//      source srcset, video/audio, poster, background, SVG image href…) is replaced by a
//      placeholder link the learner may open in a new tab, and links open in a new tab with
//      rel="noopener noreferrer" and a visible ↗ mark.
// The page's Content-Security-Policy (index.html) blocks the same things a second time.
import { tBoth } from "./i18n.js";
import { trustedWorkerURL } from "./safe.js";

/** Markdown cells longer than this are shown as plain text (formatting them could stall the page). */
export const MAX_MARKDOWN_CHARS = 200_000;

const PURIFY = {
  FORBID_TAGS: ["style", "form", "input", "button", "iframe", "textarea", "select", "option", "link", "meta", "base", "object", "embed", "dialog", "template", "frame", "frameset", "portal"],
  FORBID_ATTR: ["style", "class", "autofocus", "tabindex", "accesskey", "formaction", "ping", "srcdoc", "contenteditable", "popover", "popovertarget"],
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
  ADD_FORBID_CONTENTS: ["x-defused-style", "x-defused-base", "x-defused-link", "x-defused-meta"],
  RETURN_DOM_FRAGMENT: true,
};
const URL_ATTRS = ["src", "srcset", "poster", "background", "href", "xlink:href", "data", "lowsrc", "dynsrc", "longdesc", "action", "cite"];
const MEDIA = new Set(["img", "image", "video", "audio", "source", "track", "picture", "feimage", "use"]);

let purify = null;
/** DOMPurify, a lazy chunk: only pages with imported markdown need it. */
export async function loadPurify() {
  purify ??= import("dompurify").then((m) => m.default);
  return purify;
}

/** More elements than this in one cell would hold the page while sanitised and laid out. */
export const MAX_MARKDOWN_TAGS = 4000;
const tagCount = (html) => {
  let n = 0;
  for (let i = html.indexOf("<"); i >= 0 && n <= MAX_MARKDOWN_TAGS; i = html.indexOf("<", i + 1)) n++;
  return n;
};

/** How long one markdown cell may take to format before it is shown as plain text. */
export const MARKDOWN_TIME_LIMIT_MS = 2000;

/**
 * marked in its own worker (markdown-worker.js). parse(md) resolves to HTML, or null when marked
 * failed or took longer than MARKDOWN_TIME_LIMIT_MS (the worker is then replaced).
 */
export class MarkdownWorker {
  constructor(url = "assets/markdown-worker.js") {
    this.url = url;
    this.worker = null;
    this.nextId = 1;
    this.jobs = []; // FIFO {id, md, resolve}
    this.timer = null;
  }
  parse(md) {
    return new Promise((resolve) => {
      const job = { id: this.nextId++, md, resolve };
      this.jobs.push(job);
      this.#start();
      this.worker.postMessage({ id: job.id, md });
      this.#arm();
    });
  }
  #start() {
    if (this.worker) return;
    this.worker = new Worker(trustedWorkerURL(this.url));
    this.worker.onmessage = (ev) => {
      const head = this.jobs[0];
      if (!head || head.id !== ev.data.id) return;
      this.jobs.shift();
      clearTimeout(this.timer);
      this.timer = null;
      head.resolve(ev.data.ok ? ev.data.html : null);
      this.#arm();
    };
  }
  #arm() {
    if (this.timer || !this.jobs.length) return;
    this.timer = setTimeout(() => {
      // the head job is too slow: drop it, and give the rest to a fresh worker
      this.timer = null;
      this.worker.terminate();
      this.worker = null;
      const [head, ...rest] = this.jobs;
      this.jobs = [];
      head.resolve(null);
      for (const j of rest) this.parse(j.md).then(j.resolve);
    }, MARKDOWN_TIME_LIMIT_MS);
  }
}

/** Is `url` somewhere other than this page's own origin? (data:/blob: are local.) */
export function isRemote(url, base = location.href) {
  const v = String(url).trim();
  if (!v) return false;
  try {
    const u = new URL(v, base);
    if (u.protocol === "data:" || u.protocol === "blob:") return false;
    return u.origin !== new URL(base).origin;
  } catch {
    return true;
  }
}
const srcsetUrls = (v) => String(v).split(",").map((part) => part.trim().split(/\s+/)[0]).filter(Boolean);
const hostOf = (url) => {
  try {
    return new URL(url, location.href).host || url;
  } catch {
    return String(url).slice(0, 60);
  }
};

function bi(doc, key, ...args) {
  const m = tBoth(key, ...args);
  const span = doc.createElement("span");
  span.className = "bi";
  for (const lang of ["en", "si"]) {
    const s = doc.createElement("span");
    s.className = `lang-${lang}`;
    s.lang = lang;
    s.textContent = m[lang];
    span.append(s);
  }
  return span;
}

/** A link to a remote resource: new tab, no referrer, no opener, visibly marked. */
function markExternal(a, doc) {
  a.setAttribute("target", "_blank");
  a.setAttribute("rel", "noopener noreferrer");
  a.setAttribute("referrerpolicy", "no-referrer");
  if (!a.className) a.className = "ext-link";
  const mark = doc.createElement("span");
  mark.className = "ext-mark";
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = "↗";
  const sr = doc.createElement("span");
  sr.className = "sr-only";
  sr.append(bi(doc, "newTab"));
  a.append(mark, sr);
}

function placeholder(doc, kind, url) {
  const a = doc.createElement("a");
  a.href = url;
  a.className = "blocked-media";
  a.append(bi(doc, "blockedMedia", kind, hostOf(url)));
  markExternal(a, doc);
  return a;
}

/** Step 3 on the inert fragment `frag` (see the top of this file). */
export function neutralise(frag, base = location.href) {
  const doc = frag.ownerDocument;
  for (const node of [...frag.querySelectorAll("*")]) {
    if (!node.isConnected && !frag.contains(node)) continue; // removed with a parent
    const tag = node.localName.toLowerCase();
    if (tag === "a" || tag === "area") {
      const href = node.getAttribute("href") ?? node.getAttribute("xlink:href");
      if (href == null) continue;
      if (href.startsWith("#")) {
        node.setAttribute("href", `#user-content-${href.slice(1)}`);
        node.removeAttribute("target");
        continue;
      }
      if (tag === "a" && node.namespaceURI === "http://www.w3.org/1999/xhtml") markExternal(node, doc);
      else node.remove();
      continue;
    }
    let remote = null;
    for (const name of URL_ATTRS) {
      if (!node.hasAttribute(name)) continue;
      const v = node.getAttribute(name);
      const urls = name === "srcset" ? srcsetUrls(v) : [v];
      const far = urls.find((u) => isRemote(u, base));
      if (far) {
        remote ??= far;
        node.removeAttribute(name);
      }
    }
    // media never plays here (media-src 'none'): video/audio keep only their fallback content
    if (tag === "video" || tag === "audio") {
      node.removeAttribute("autoplay");
      node.removeAttribute("src");
      node.setAttribute("preload", "none");
    }
    if (remote && MEDIA.has(tag)) {
      const holder = tag === "source" || tag === "track" ? node.closest("picture, video, audio") ?? node : node;
      if (node.namespaceURI === "http://www.w3.org/2000/svg") {
        const svg = node.closest("svg") ?? node;
        svg.replaceWith(placeholder(doc, "image", remote));
      } else if (holder === node) {
        node.replaceWith(placeholder(doc, tag === "video" || tag === "audio" ? tag : "image", remote));
      } else {
        holder.before(placeholder(doc, holder.localName === "picture" ? "image" : holder.localName, remote));
        node.remove();
      }
    }
  }
  return frag;
}

/**
 * Renames on…= and style= attributes and <style>/<base>/<link>/<meta> tags before DOMPurify
 * parses the HTML. DOMPurify removes them anyway, but Chromium checks the page's CSP as soon as
 * its parser meets one (even in an inert document) and logs a violation for each.
 */
export const defuse = (html) =>
  html
    .replace(/<(\/?)(style|base|link|meta)(?=[\s/>])/gi, "<$1x-defused-$2")
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/([\s/"'])(on[a-z]+|style)(\s*=)/gi, "$1data-defused-$2$3"));

/** `md` as plain text with a note saying why ("tooLong" | "tooDeep"). */
export function plainMarkdown(md, problem) {
  const frag = document.createDocumentFragment();
  const note = document.createElement("p");
  note.className = "md-note";
  note.append(bi(document, problem === "tooLong" ? "mdTooLong" : "mdFailed"));
  const pre = document.createElement("pre");
  pre.className = "md-plain";
  pre.tabIndex = 0;
  pre.textContent = md;
  frag.append(note, pre);
  return frag;
}

/** marked's HTML (from the worker) → a sanitised, neutralised DocumentFragment (inert until appended). */
export function sanitizeMarkdownHtml(html, DOMPurify) {
  return neutralise(DOMPurify.sanitize(defuse(html), PURIFY));
}

/**
 * Fills `box` with imported markdown `md`: formatted in the worker, sanitised here. Never throws;
 * what cannot be formatted is shown as plain text with a note.
 */
export async function fillMarkdown(box, md, worker) {
  box.dataset.md = "pending";
  let frag;
  if (md.length > MAX_MARKDOWN_CHARS) frag = plainMarkdown(md, "tooLong");
  else {
    const [html, DOMPurify] = await Promise.all([worker.parse(md), loadPurify()]);
    try {
      frag = html == null || tagCount(html) > MAX_MARKDOWN_TAGS ? plainMarkdown(md, "tooDeep") : sanitizeMarkdownHtml(html, DOMPurify);
    } catch {
      frag = plainMarkdown(md, "tooDeep");
    }
  }
  box.replaceChildren(frag);
  delete box.dataset.md;
}
