// Small guards the page shares: the one Trusted Types policy for HTML the page itself makes, and
// time slicing so long work never holds the main thread for more than a few tens of ms.

// index.html's CSP has `require-trusted-types-for 'script'; trusted-types gradlab gradlab-boot
// dompurify`:
// every HTML sink needs a TrustedHTML. This policy is only for markup the page generates itself
// (lesson text from the bundle, Graphviz's SVG of our own escaped DOT, the plot's SVG). Imported
// markdown never goes through it: DOMPurify builds it as DOM (markdown.js).
// Script URLs (new Worker) must be this folder's own workers.
const WORKERS = /^(?:engine-worker\.js|assets\/(?:graph|markdown)-worker\.js)$/;
const policy =
  globalThis.trustedTypes?.createPolicy?.("gradlab", {
    createHTML: (s) => s,
    createScriptURL: (u) => {
      if (!WORKERS.test(u)) throw new TypeError(`not one of the page's workers: ${u}`);
      return u;
    },
  }) ?? null;
export const trustedHTML = (html) => (policy ? policy.createHTML(html) : html);
export const trustedWorkerURL = (url) => (policy ? policy.createScriptURL(url) : url);

/**
 * Resolves after the browser has had a chance to handle input, timers and paint (a plain task:
 * scheduler.yield() would resume ahead of them).
 */
export function yieldToMain() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `due()` is true once `budgetMs` have passed since the last `yield()`. */
export function timeSlicer(budgetMs = 30) {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budgetMs,
    async yield() {
      await yieldToMain();
      start = performance.now();
    },
  };
}
