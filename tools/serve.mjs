#!/usr/bin/env node
// A tiny static server for build/web (used by `make serve` and the browser tests).
//   node tools/serve.mjs [DIR] — listens on 127.0.0.1:${PORT:-8000} and prints the URL.
// .wasm is served as application/wasm (needed for streaming compilation). No caching, so a
// rebuilt page is picked up on reload.
import http from "node:http";
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".ipynb": "application/x-ipynb+json",
};

/** Starts a server for `dir`; resolves to {server, url}. `port` 0 picks a free port. */
export function serve(dir, { port = 8000, host = "127.0.0.1" } = {}) {
  const rootDir = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(rootDir, pathname);
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const st = statSync(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host}:${p}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dir = process.argv[2] ?? path.join(root, "build/web");
  try {
    statSync(path.join(dir, "index.html"));
  } catch {
    console.error(`serve: ${dir}/index.html not found — build the page first (node tools/build-web.mjs)`);
    process.exit(1);
  }
  const { url } = await serve(dir, { port: Number(process.env.PORT ?? 8000) });
  console.log(`gradlab page: ${url}`);
}
