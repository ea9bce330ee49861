// Imported notebooks live in IndexedDB, apart from the lesson's edits in localStorage: a big
// notebook can never fill the lesson's storage, and closing it ("Back to lesson") removes it.
// Only sources are stored ({name, blocks} with code/markdown/raw text, never rendered HTML).
// Every call resolves to a boolean or the value; none throws (private windows may refuse IDB).
const DB = "gradlab";
const STORE = "docs";

let dbp = null;
function db() {
  dbp ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error("blocked"));
  });
  dbp.catch(() => (dbp = null));
  return dbp;
}

function tx(mode, fn) {
  return db().then(
    (d) =>
      new Promise((resolve, reject) => {
        const t = d.transaction(STORE, mode);
        const req = fn(t.objectStore(STORE));
        t.oncomplete = () => resolve(req.result);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error ?? new Error("aborted"));
      }),
  );
}

export const docStore = {
  async get(key) {
    try {
      return (await tx("readonly", (s) => s.get(key))) ?? null;
    } catch {
      return null;
    }
  },
  async put(key, value) {
    try {
      await tx("readwrite", (s) => s.put(value, key));
      return true;
    } catch {
      return false;
    }
  },
  async remove(key) {
    try {
      await tx("readwrite", (s) => s.delete(key));
      return true;
    } catch {
      return false;
    }
  },
};
