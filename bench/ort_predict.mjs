#!/usr/bin/env node
// ONNX Runtime peer for bench/predict_vs_ort.py: parses a simple CSV (no quoting) into the
// model's [N,1] inputs (float: NaN for empty; string as is), runs in batches of 65536 with
// --threads intra-op threads. Prints {"rows", "parse_s", "infer_s"}.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(process.env.NODE_PATH + '/');
const ort = require('onnxruntime-node');
const [model, csv] = process.argv.slice(2);
const threads = parseInt(process.argv[process.argv.indexOf('--threads') + 1] || '2', 10);
const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads });
let t0 = performance.now();
const lines = readFileSync(csv, 'utf8').split('\n').filter((l) => l.length);
const header = lines[0].split(',');
const n = lines.length - 1;
const cols = {};
const idx = session.inputNames.map((name) => header.indexOf(name));
// A column is a string input when a non-empty cell among the first rows is not a number
// (onnxruntime-node does not expose the model's input types or metadata here).
const sample = lines.slice(1, 201).map((l) => l.split(','));
const isString = (k) => sample.some((cells) => cells[idx[k]] !== '' && Number.isNaN(Number(cells[idx[k]])));
session.inputNames.forEach((name, k) => { cols[name] = isString(k) ? new Array(n) : new Float32Array(n); });
for (let r = 0; r < n; r++) {
  const cells = lines[r + 1].split(',');
  session.inputNames.forEach((name, k) => {
    const v = cells[idx[k]];
    if (cols[name] instanceof Float32Array) cols[name][r] = v === '' ? NaN : parseFloat(v);
    else cols[name][r] = v;
  });
}
const parse_s = (performance.now() - t0) / 1000;
t0 = performance.now();
const B = 65536;
for (let b = 0; b < n; b += B) {
  const m = Math.min(B, n - b);
  const feeds = {};
  for (const name of session.inputNames) {
    const c = cols[name];
    const data = c instanceof Float32Array ? c.subarray(b, b + m) : c.slice(b, b + m);
    feeds[name] = new ort.Tensor(c instanceof Float32Array ? 'float32' : 'string', data, [m, 1]);
  }
  await session.run(feeds);
}
console.log(JSON.stringify({ rows: n, parse_s, infer_s: (performance.now() - t0) / 1000 }));
