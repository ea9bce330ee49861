// Share links: a lesson as one learner or teacher has it — edited cells, the pictures' slider
// and menu positions, teacher options — packed into the URL fragment (#/lesson/N?lang=si&share=…).
// The packing is JSON → deflate-raw (the browser's CompressionStream, no library) → base64url.
// Decoding trusts nothing: every limit of an imported notebook (ipynb.js IMPORT_LIMITS) holds,
// decompression stops at the byte limit (a zip bomb is refused, never inflated), and every field
// is checked for its type and range. A refused link is a ShareProblem whose key names a message
// of i18n.js. Pure functions (no DOM): tests/node/share.test.mjs runs them under Node.
// The page's side (dialog, banner, applying the options) is share-view.js.
import { IMPORT_LIMITS } from "./ipynb.js";

export const SHARE_VERSION = 1;

/**
 * What a link may hold. `encoded`: characters of the fragment's share parameter (Chromium keeps
 * URLs up to 2 MB); `bytes`: the decompressed JSON, as an imported notebook's file; `cells`: as
 * an imported notebook; `pictureControls`: controls per picture; `value`: a control's value.
 */
export const SHARE_LIMITS = { encoded: 2_000_000 - 4096, bytes: IMPORT_LIMITS.bytes, cells: IMPORT_LIMITS.cells, pictures: 20, pictureControls: 20, value: 40 };

/** A link the page refuses; `key`/`args` name the message in i18n.js (both languages). */
export class ShareProblem extends Error {
  constructor(key, ...args) {
    super(`${key}${args.length ? ` ${args.join(" ")}` : ""}`);
    this.key = key;
    this.args = args;
  }
}

// ---- base64url --------------------------------------------------------------------------------

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64url(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64[n & 63];
  }
  return out;
}

/** Bytes of base64url text (no padding); a ShareProblem for any other character or length. */
export function fromBase64url(text) {
  if (text.length % 4 === 1) throw new ShareProblem("shareDamaged");
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0, bits = 0, j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) throw new ShareProblem("shareDamaged");
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

// ---- compression ------------------------------------------------------------------------------

async function deflate(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The text inflated from `bytes`, read chunk by chunk: past `limit` bytes it stops and refuses
 * (so a small link that would inflate to gigabytes costs at most `limit` bytes of memory).
 */
export async function inflateLimited(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw new ShareProblem("shareTooBig", limit / 1048576);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof ShareProblem) throw err;
    throw new ShareProblem("shareDamaged"); // not deflate data, or cut short
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) all.set(p, at), (at += p.length);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(all);
  } catch {
    throw new ShareProblem("shareDamaged");
  }
}

// ---- the state in a link ----------------------------------------------------------------------

/**
 * A share state: {lesson: id, cells: [string|null] (one per code cell, null = the lesson's
 * own), pictures: {pictureId: {controlId: value}}, hide: bool (outputs hidden until the learner
 * runs the cell), lock: [cell numbers, 1-based] (read-only editors), start: cell number or 0}.
 */
export async function encodeShare(state) {
  const packed = { v: SHARE_VERSION, lesson: state.lesson, cells: state.cells };
  if (state.pictures && Object.keys(state.pictures).length) packed.pictures = state.pictures;
  if (state.hide) packed.hide = true;
  if (state.lock?.length) packed.lock = state.lock;
  if (state.start) packed.start = state.start;
  const encoded = toBase64url(await deflate(JSON.stringify(packed)));
  if (encoded.length > SHARE_LIMITS.encoded) throw new ShareProblem("shareTooLong", (encoded.length / 1048576).toFixed(1), (SHARE_LIMITS.encoded / 1048576).toFixed(1));
  return encoded;
}

const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v === "object" ? "object" : typeof v);
const isPlainObject = (v) => kindOf(v) === "object" && Object.getPrototypeOf(v) === Object.prototype;
const ID = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * The checked state of link text `encoded`, for `lesson` = {id, codeCount, pictureIds}. Throws a
 * ShareProblem naming the first thing wrong: damaged text, too big, another version or lesson,
 * another number of cells, a field of the wrong type or out of range.
 */
export async function decodeShare(encoded, lesson) {
  if (typeof encoded !== "string" || !encoded) throw new ShareProblem("shareDamaged");
  if (encoded.length > SHARE_LIMITS.encoded) throw new ShareProblem("shareTooBig", SHARE_LIMITS.bytes / 1048576);
  const text = await inflateLimited(fromBase64url(encoded), SHARE_LIMITS.bytes);
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShareProblem("shareDamaged");
  }
  return checkShare(data, lesson);
}

/** The state of parsed link data `data` (see decodeShare), with only the fields named there. */
export function checkShare(data, lesson) {
  if (!isPlainObject(data)) throw new ShareProblem("shareDamaged");
  if (data.v === undefined) throw new ShareProblem("shareDamaged");
  if (data.v !== SHARE_VERSION) throw new ShareProblem("shareVersion", String(data.v).slice(0, 20));
  if (data.lesson !== lesson.id) throw new ShareProblem("shareOtherLesson", String(data.lesson).slice(0, 60));
  const bad = (field) => new ShareProblem("shareBadField", field);
  const { cells } = data;
  if (!Array.isArray(cells)) throw bad("cells");
  if (cells.length > SHARE_LIMITS.cells) throw new ShareProblem("tooManyCells", cells.length, SHARE_LIMITS.cells);
  if (cells.length !== lesson.codeCount) throw new ShareProblem("shareCellCount", cells.length, lesson.codeCount);
  for (const [i, c] of cells.entries()) if (c !== null && typeof c !== "string") throw bad(`cells[${i + 1}]`);

  const pictures = {};
  if (data.pictures !== undefined) {
    if (!isPlainObject(data.pictures) || Object.keys(data.pictures).length > SHARE_LIMITS.pictures) throw bad("pictures");
    for (const [pid, controls] of Object.entries(data.pictures)) {
      if (!lesson.pictureIds.includes(pid)) throw bad(`pictures.${pid.slice(0, 60)}`);
      if (!isPlainObject(controls) || Object.keys(controls).length > SHARE_LIMITS.pictureControls) throw bad(`pictures.${pid}`);
      pictures[pid] = {};
      for (const [cid, value] of Object.entries(controls)) {
        const okValue = typeof value === "string" ? value.length <= SHARE_LIMITS.value : Number.isFinite(value);
        if (!ID.test(cid) || !okValue) throw bad(`pictures.${pid}`);
        pictures[pid][cid] = String(value);
      }
    }
  }
  const cellNumber = (n) => Number.isInteger(n) && n >= 1 && n <= lesson.codeCount;
  if (data.hide !== undefined && typeof data.hide !== "boolean") throw bad("hide");
  if (data.lock !== undefined && (!Array.isArray(data.lock) || data.lock.length > lesson.codeCount || !data.lock.every(cellNumber))) throw bad("lock");
  if (data.start !== undefined && !cellNumber(data.start)) throw bad("start");
  return {
    lesson: lesson.id,
    cells: cells.slice(),
    pictures,
    hide: data.hide === true,
    lock: [...new Set(data.lock ?? [])].sort((a, b) => a - b),
    start: data.start ?? 0,
  };
}

/**
 * Cell numbers from a teacher's list such as "1-3, 5" (within 1..count), or null when the text
 * is not such a list. An empty text is an empty list.
 */
export function parseCellList(text, count) {
  const out = new Set();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,5})(?:\s*[-–]\s*(\d{1,5}))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]), b = Number(m[2] ?? m[1]);
    if (a < 1 || b > count || a > b) return null;
    for (let n = a; n <= b; n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

