// The TF.js 4.22 peer: the five workloads written idiomatically for TF.js in Node, on the `cpu`
// backend (plain JS) or the `wasm` backend (XNNPACK, SIMD; never threaded under Node).
//
//   node bench/peers/tfjs_bench.mjs --backend cpu|wasm [--only W1,W3] [--seconds S]
// prints one JSON object. Same data (sin/cos of arange), same timing protocol and the same
// check numbers as bench/workloads/*.py and gradlab's bench, so the runs can be compared.
// Needs `npm ci --prefix bench` (make bench does it). `@tensorflow/tfjs`, not tfjs-core:
// the core Node bundle has no gradient definitions (see ../shared/PEERS.md).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const args = { backend: 'cpu', only: '', seconds: Number(process.env.BENCH_SECONDS || 1.0) };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
args.seconds = Number(args.seconds);

const tf = require('@tensorflow/tfjs');
if (args.backend === 'wasm') {
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  // Node loads the .wasm files from the package's dist folder (a path, not a URL).
  wasm.setWasmPaths(path.join(here, '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep);
}
await tf.setBackend(args.backend);
await tf.ready();

// Fixed data, no RNG: the same values the .py workloads make with torch.sin(torch.arange(n) * k).
const sinRange = (n, k, scale = 1) => Float32Array.from({ length: n }, (_, i) => scale * Math.sin(Math.fround(i * k)));
const cosRange = (n, k, scale = 1) => Float32Array.from({ length: n }, (_, i) => scale * Math.cos(Math.fround(i * k)));

// Each workload: setup() once → { step(), check() }. step() runs inside tf.tidy so every
// intermediate is freed, as PyTorch frees them by reference counting.
const WORKLOADS = {
  W1() {
    return {
      step() {
        tf.tidy(() => {
          const x = tf.scalar(4.0);
          tf.grad((x) => x.pow(2))(x);
          const t = tf.tensor2d([[2, 3, 1], [4, 5, 3], [7, 6, 4]]);
          tf.grad((t) => t.pow(3).add(t.pow(2)).sum())(t);
        });
      },
      check() {
        return tf.tidy(() => {
          const dx = tf.grad((x) => x.pow(2))(tf.scalar(4.0));
          const dt = tf.grad((t) => t.pow(3).add(t.pow(2)).sum())(tf.tensor2d([[2, 3, 1], [4, 5, 3], [7, 6, 4]]));
          return dx.dataSync()[0] + dt.sum().dataSync()[0];
        });
      },
    };
  },
  W2() {
    const x = tf.tensor2d(sinRange(64 * 64, 0.1), [64, 64]);
    const target = tf.tensor2d(cosRange(64 * 10, 0.2), [64, 10]);
    const W1 = tf.variable(tf.tensor2d(sinRange(64 * 128, 0.37, 0.1), [64, 128]));
    const b1 = tf.variable(tf.zeros([128]));
    const W2 = tf.variable(tf.tensor2d(cosRange(128 * 10, 0.53, 0.1), [128, 10]));
    const b2 = tf.variable(tf.zeros([10]));
    const optimizer = tf.train.sgd(0.01);
    const loss = () => {
      const h = tf.tanh(x.matMul(W1).add(b1));
      const out = h.matMul(W2).add(b2);
      return out.sub(target).square().mean();
    };
    let first = null;
    return {
      step() {
        const cost = optimizer.minimize(loss, true);
        if (first === null) first = cost.dataSync()[0];
        cost.dispose();
      },
      check: () => first,
    };
  },
  W3() {
    const n = 512;
    const A = tf.tensor2d(sinRange(n * n, 0.01), [n, n]);
    const B = tf.tensor2d(cosRange(n * n, 0.02), [n, n]);
    const grads = tf.grads((a, b) => a.matMul(b).sum());
    return {
      step() { tf.tidy(() => { grads([A, B]); }); },
      check: () => tf.tidy(() => { const [dA, dB] = grads([A, B]); return dA.sum().dataSync()[0] + dB.sum().dataSync()[0]; }),
    };
  },
  W4() {
    const x = tf.tensor1d(sinRange(1000000, 0.001));
    const grad = tf.grad((x) => x.pow(3).add(x.pow(2)).sum());
    return {
      step() { tf.tidy(() => { grad(x); }); },
      check: () => tf.tidy(() => grad(x).sum().dataSync()[0]),
    };
  },
  W5() {
    const b = tf.scalar(0.5);
    const c = tf.scalar(1.0);
    const chain = tf.grads((a0, b, c) => {
      let a = a0;
      for (let i = 0; i < 10000; i++) a = a.mul(b).add(c);
      return a;
    });
    return {
      step() { tf.tidy(() => { chain([tf.scalar(1.0), b, c]); }); },
      check: () => tf.tidy(() => { const [, db, dc] = chain([tf.scalar(1.0), b, c]); return db.dataSync()[0] + dc.dataSync()[0]; }),
    };
  },
  // W6: the Module/MSELoss/Adam loop of W6_train_mlp.py — dense layers with tanh, the mean
  // squared error, tf.train.adam(1e-3); 100 minimize steps per measured step. The weights are
  // the .py file's sin ramps, laid out as PyTorch's (out, in) matrices and transposed here.
  W6() {
    const x = tf.tensor2d(sinRange(64 * 8, 0.1), [64, 8]);
    const y = tf.tensor2d(cosRange(64, 0.2), [64, 1]);
    const sizes = [[8, 64], [64, 64], [64, 1]];
    const vars = [];
    let i = 0;
    for (const [fanIn, fanOut] of sizes) {
      const w = tf.tensor2d(sinRange(fanOut * fanIn, 0.37 + 0.11 * i++, 0.3), [fanOut, fanIn]).transpose();
      const b = tf.tensor1d(sinRange(fanOut, 0.37 + 0.11 * i++, 0.3));
      vars.push(tf.variable(w), tf.variable(b));
    }
    const [w1, b1, w2, b2, w3, b3] = vars;
    const optimizer = tf.train.adam(1e-3);
    const loss = () => {
      const h1 = tf.tanh(x.matMul(w1).add(b1));
      const h2 = tf.tanh(h1.matMul(w2).add(b2));
      return h2.matMul(w3).add(b3).sub(y).square().mean();
    };
    let last = null;
    return {
      step() {
        for (let s = 0; s < 100; s++) {
          const cost = optimizer.minimize(loss, s === 99);
          if (cost) {
            if (last === null) last = cost.dataSync()[0];
            cost.dispose();
          }
        }
      },
      check: () => last,
    };
  },
};

// Warm up, then time single runs until `seconds` have passed (at least 5, at most 20000): the
// protocol of gradlab's bench and pytorch_bench.py.
function measure(runOnce, seconds) {
  const warmEnd = performance.now() + Math.min(200, (seconds * 1000) / 4);
  for (let warm = 0; warm < 2 || performance.now() < warmEnd; warm++) runOnce();
  const times = [];
  const end = performance.now() + seconds * 1000;
  while (times.length < 5 || (performance.now() < end && times.length < 20000)) {
    const t0 = performance.now();
    runOnce();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median_ms: median, p10_ms: q(0.1), p90_ms: q(0.9), reps: times.length };
}

const out = { peer: `tfjs-${args.backend}`, version: tf.version.tfjs, threads: 1, workloads: {} };
if (args.backend === 'wasm') out.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
for (const name of Object.keys(WORKLOADS)) {
  if (args.only && !args.only.split(',').includes(name)) continue;
  const w = WORKLOADS[name]();
  w.step();  // the first step, so W2's check is the loss before any update, as in the .py files
  const check = w.check();
  out.workloads[name] = { ...measure(() => w.step(), args.seconds), check };
}
const leaked = tf.memory().numTensors;
out.tensors_alive_after = leaked;  // a leak would show here (and slow the run down)
console.log(JSON.stringify(out));
