// Share links (web/src/share.js): a lesson's state survives the round trip through deflate-raw
// and base64url, and every hostile or malformed link is refused with a named problem (the
// i18n.js message in both languages): damaged text, a zip bomb, the wrong version, lesson or
// number of cells, fields of the wrong type or out of range. Script-like text stays cell text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { encodeShare, decodeShare, checkShare, toBase64url, fromBase64url, inflateLimited, parseCellList, ShareProblem, SHARE_LIMITS } from "../../web/src/share.js";
import { LESSONS, loadLesson } from "../../web/src/lessons/index.js";
import { tBoth } from "../../web/src/i18n.js";

const lesson = { id: "derivatives", codeCount: 4, pictureIds: ["secant"] };
const state = {
  lesson: "derivatives",
  cells: [null, "def f(x):\n    return x**3 - 2*x  # අනුක්‍රමණය ✓", null, "print('<script>alert(1)</script>')"],
  pictures: { secant: { x: "1.5", h: "4" } },
  hide: true,
  lock: [1, 2],
  start: 3,
};
const raw = (obj) => toBase64url(deflateRawSync(Buffer.from(JSON.stringify(obj))));

/** Resolves the ShareProblem key (and args) of a refused link. */
async function problem(promise) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ShareProblem, `not a ShareProblem: ${err}`);
    const msg = tBoth("shareFailed", err.key, ...err.args);
    assert.ok(msg.en.length > 40 && msg.si.length > 40, "a message in both languages");
    assert.doesNotMatch(msg.en + msg.si, /undefined/);
    return [err.key, ...err.args];
  }
  assert.fail("the link was accepted");
}

test("base64url round-trips every byte and length", () => {
  for (let n = 0; n < 70; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
    const text = toBase64url(bytes);
    assert.match(text, /^[A-Za-z0-9_-]*$/);
    assert.equal(text, Buffer.from(bytes).toString("base64url"));
    assert.deepEqual([...fromBase64url(text)], [...bytes]);
  }
});

test("a share state round-trips, script-like text included, and is small", async () => {
  const encoded = await encodeShare(state);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/, "URL-safe without escaping");
  assert.ok(encoded.length < 300, `compressed (${encoded.length} chars)`);
  assert.deepEqual(await decodeShare(encoded, lesson), state);
  // unchanged options are left out of the link and come back as their defaults
  const plain = await decodeShare(await encodeShare({ lesson: "derivatives", cells: [null, null, null, null] }), lesson);
  assert.deepEqual(plain, { lesson: "derivatives", cells: [null, null, null, null], pictures: {}, hide: false, lock: [], start: 0 });
});

test("every lesson of the course round-trips with all its cells edited", async () => {
  for (const entry of LESSONS) {
    const l = await loadLesson(entry);
    const code = l.blocks.filter((b) => b.kind === "code");
    const facts = { id: l.id, codeCount: code.length, pictureIds: l.blocks.filter((b) => b.kind === "picture").map((b) => b.id) };
    const s = { lesson: l.id, cells: code.map((b) => `${b.source}\n# edited`), pictures: {}, hide: false, lock: [], start: code.length };
    assert.deepEqual(await decodeShare(await encodeShare(s), facts), s, l.id);
  }
});

test("damaged text is refused: bad characters, a cut-off link, not deflate, not JSON, not UTF-8", async () => {
  const good = await encodeShare(state);
  assert.deepEqual(await problem(decodeShare("", lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(good.slice(0, 10) + "!" + good.slice(11), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(good + "é", lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(good.slice(0, good.length - 20), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare("A", lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(toBase64url(new TextEncoder().encode("plain text, not deflate")), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(toBase64url(deflateRawSync(Buffer.from("{not json"))), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(toBase64url(deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(raw([1, 2, 3]), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(raw(null), lesson)), ["shareDamaged"]);
});

test("a zip bomb is refused without inflating it, and an over-long link before decoding", async () => {
  // 64 MB of spaces deflate to about 64 KB: the decoder stops at SHARE_LIMITS.bytes (5 MB)
  const bomb = toBase64url(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 32), { level: 9 }));
  assert.ok(bomb.length < 200_000);
  const before = process.memoryUsage().arrayBuffers;
  assert.deepEqual(await problem(decodeShare(bomb, lesson)), ["shareTooBig", 5]);
  assert.ok(process.memoryUsage().arrayBuffers - before < 32 * 1024 * 1024, "not inflated in full");
  await assert.rejects(inflateLimited(deflateRawSync(Buffer.alloc(1001, 65)), 1000), (e) => e.key === "shareTooBig");
  assert.equal(await inflateLimited(deflateRawSync(Buffer.alloc(1000, 65)), 1000), "A".repeat(1000));
  assert.deepEqual(await problem(decodeShare("A".repeat(SHARE_LIMITS.encoded + 1), lesson)), ["shareTooBig", 5]);
  // a state too big for a link says so when the link is made
  const huge = { lesson: "derivatives", cells: [Array.from({ length: 300_000 }, (_, i) => `v${i * 7919} = ${(i * 104729) % 1000003}`).join("\n"), null, null, null] };
  await assert.rejects(encodeShare(huge), (e) => e instanceof ShareProblem && e.key === "shareTooLong");
});

test("another version, another lesson, another number of cells are refused", async () => {
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: 2 }), lesson)), ["shareVersion", "2"]);
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: undefined }), lesson)), ["shareDamaged"]);
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: 1, lesson: "backprop" }), lesson)), ["shareOtherLesson", "backprop"]);
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: 1, lesson: "nope" }), lesson)), ["shareOtherLesson", "nope"]);
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: 1, cells: [null, null] }), lesson)), ["shareCellCount", 2, 4]);
  assert.deepEqual(await problem(decodeShare(raw({ ...state, v: 1, cells: Array(2001).fill(null) }), lesson)), ["tooManyCells", 2001, 2000]);
});

test("fields of the wrong type or out of range are refused, naming the field", () => {
  const base = { v: 1, lesson: "derivatives", cells: [null, null, null, null] };
  const bad = (patch) => {
    try {
      checkShare({ ...base, ...patch }, lesson);
    } catch (err) {
      assert.ok(err instanceof ShareProblem);
      return [err.key, ...err.args];
    }
    assert.fail(`accepted ${JSON.stringify(patch)}`);
  };
  assert.deepEqual(bad({ cells: "x" }), ["shareBadField", "cells"]);
  assert.deepEqual(bad({ cells: [null, 5, null, null] }), ["shareBadField", "cells[2]"]);
  assert.deepEqual(bad({ cells: [null, { toString: "x" }, null, null] }), ["shareBadField", "cells[2]"]);
  assert.deepEqual(bad({ hide: "yes" }), ["shareBadField", "hide"]);
  assert.deepEqual(bad({ lock: [0] }), ["shareBadField", "lock"]);
  assert.deepEqual(bad({ lock: [5] }), ["shareBadField", "lock"]);
  assert.deepEqual(bad({ lock: [1.5] }), ["shareBadField", "lock"]);
  assert.deepEqual(bad({ lock: "1-3" }), ["shareBadField", "lock"]);
  assert.deepEqual(bad({ start: 0 }), ["shareBadField", "start"]);
  assert.deepEqual(bad({ start: 99 }), ["shareBadField", "start"]);
  assert.deepEqual(bad({ start: "2" }), ["shareBadField", "start"]);
  assert.deepEqual(bad({ pictures: [] }), ["shareBadField", "pictures"]);
  assert.deepEqual(bad({ pictures: { other: { x: "1" } } }), ["shareBadField", "pictures.other"]);
  assert.deepEqual(bad({ pictures: { secant: { "x y": "1" } } }), ["shareBadField", "pictures.secant"]);
  assert.deepEqual(bad({ pictures: { secant: { x: "9".repeat(41) } } }), ["shareBadField", "pictures.secant"]);
  assert.deepEqual(bad({ pictures: { secant: { x: Infinity } } }), ["shareBadField", "pictures.secant"]);
  assert.deepEqual(bad({ pictures: { secant: { x: { valueOf: 1 } } } }), ["shareBadField", "pictures.secant"]);
  // JSON's "__proto__" key is an own property of a plain object: refused as an unknown picture
  assert.deepEqual(bad(JSON.parse('{"pictures": {"__proto__": {"x": "1"}}}')), ["shareBadField", "pictures.__proto__"]);
  // unknown fields are dropped, not carried into the page
  const ok = checkShare({ ...base, onload: "alert(1)", lock: [2, 2, 1] }, lesson);
  assert.deepEqual(Object.keys(ok).sort(), ["cells", "hide", "lesson", "lock", "pictures", "start"]);
  assert.deepEqual(ok.lock, [1, 2]);
});

test("the teacher's list of cells to lock", () => {
  assert.deepEqual(parseCellList("", 10), []);
  assert.deepEqual(parseCellList(" 1-3, 5 ,7–8", 10), [1, 2, 3, 5, 7, 8]);
  assert.deepEqual(parseCellList("3,1,3", 10), [1, 3]);
  for (const bad of ["0", "11", "1-11", "3-1", "a", "1;2", "1-", "-2", "1.5"]) assert.equal(parseCellList(bad, 10), null, bad);
});

test("every share problem has its message in English and Sinhala", () => {
  for (const [key, args] of [["shareDamaged", []], ["shareNoLesson", []], ["shareTooBig", [5]], ["shareTooLong", ["2.1", "1.9"]], ["shareVersion", ["2"]], ["shareOtherLesson", ["x"]], ["shareCellCount", [2, 4]], ["shareBadField", ["lock"]], ["tooManyCells", [2001, 2000]]]) {
    const { en, si } = tBoth(key, ...args);
    assert.ok(en && si && en !== si, key);
    assert.match(si, /[\u0D80-\u0DFF]/, key);
  }
  for (const key of ["share", "shareDialogTitle", "shareIntro", "shareTeacher", "shareHide", "sharePictures", "shareLock", "shareStart", "shareLink", "shareCopy", "shareClose", "shareCopied", "shareCopyManual", "shareMine", "shareKeep", "shareYesKeep", "shareConfirmReset", "shareLocked", "shareHidden", "shareShowOutput"]) {
    const { en, si } = tBoth(key);
    assert.ok(en && si && en !== si, key);
  }
});
