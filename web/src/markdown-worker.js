// marked in a worker of its own: a pathological markdown cell (deep nesting makes marked recurse
// until its stack overflows, which can take seconds) never blocks the page. The page sanitises
// the HTML that comes back (markdown.js) and stops this worker when a cell takes too long.
// In: {id, md}   Out: {id, ok: true, html} | {id, ok: false}
import { marked } from "marked";

self.onmessage = (ev) => {
  const { id, md } = ev.data;
  try {
    self.postMessage({ id, ok: true, html: marked.parse(md, { async: false }) });
  } catch {
    self.postMessage({ id, ok: false });
  }
};
