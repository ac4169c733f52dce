#!/usr/bin/env node
// Runs an ONNX file in ONNX Runtime (onnxruntime-node) and prints its outputs as JSON.
// usage: node run_model.mjs MODEL.onnx INPUTS.json
//   INPUTS.json: {"<input>": {"type": "float|double|string|uint8", "dims": [..], "data": [..]}}
//   (null in float/double data means NaN, "Infinity" and "-Infinity" the infinities). Output: {"<output>": {"dims": [..], "data": [..]}}.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

const [model, inputsFile] = process.argv.slice(2);
if (!model || !inputsFile) {
  console.error('usage: node run_model.mjs MODEL.onnx INPUTS.json');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(inputsFile, 'utf8'));
const feeds = {};
for (const [name, t] of Object.entries(spec)) {
  const nan = (v) => (v === null ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);
  let data;
  if (t.type === 'float') data = Float32Array.from(t.data, nan);
  else if (t.type === 'double') data = Float64Array.from(t.data, nan);
  else if (t.type === 'uint8') data = Uint8Array.from(t.data);
  else if (t.type === 'int64') data = BigInt64Array.from(t.data, (v) => BigInt(v));
  else data = t.data;
  feeds[name] = new ort.Tensor(t.type === 'float' ? 'float32' : t.type === 'double' ? 'float64' : t.type, data, t.dims);
}
const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
const results = await session.run(feeds);
const out = {};
for (const [name, t] of Object.entries(results))
  out[name] = { dims: t.dims, data: Array.from(t.data, (v) => (typeof v === 'bigint' ? Number(v) : v)) };
console.log(JSON.stringify(out));
