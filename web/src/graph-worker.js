// Graphviz (compiled to wasm, from npm @hpcc-js/wasm-graphviz) in its own worker: it is large,
// so it loads after the first results and lays graphs out off the main thread.
// In: {id, dot}   Out: {id, ok, svg|message}
import { Graphviz } from "@hpcc-js/wasm-graphviz";

const ready = Graphviz.load();

self.onmessage = async (ev) => {
  const { id, dot } = ev.data;
  try {
    const gv = await ready;
    self.postMessage({ id, ok: true, svg: gv.dot(dot, "svg") });
  } catch (err) {
    self.postMessage({ id, ok: false, message: String(err && err.message ? err.message : err) });
  }
};
