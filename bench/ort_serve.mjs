#!/usr/bin/env node
// The ONNX Runtime peer of bench/serve_vs_onnxruntime.py: a minimal Node `http` server over
// onnxruntime-node answering POST /v1/predict with the same JSON as kiln serve ({"rows":
// [{column: value}]} in; label and class probabilities, or value, out). The inputs' types
// come from the command line (kiln serve's /v1/model), as onnxruntime-node does not expose them.
// usage: NODE_PATH=…/node_modules node ort_serve.mjs MODEL.onnx PORT '{"name": "float", …}' '["class", …]'
import http from 'node:http';
import { createRequire } from 'node:module';
const require = createRequire(process.env.NODE_PATH + '/');
const ort = require('onnxruntime-node');
const [model, port, typesJson, classesJson] = process.argv.slice(2);
const types = JSON.parse(typesJson);
const classes = JSON.parse(classesJson);
const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });

function inputs(rows) {
  const feeds = {};
  for (const name of session.inputNames) {
    const t = types[name];
    if (t === 'string') {
      feeds[name] = new ort.Tensor('string', rows.map((r) => (r[name] == null ? '' : String(r[name]))), [rows.length, 1]);
    } else {
      const Arr = t === 'double' ? Float64Array : Float32Array;
      const v = new Arr(rows.length);
      rows.forEach((r, i) => { v[i] = r[name] == null ? NaN : Number(r[name]); });
      feeds[name] = new ort.Tensor(t === 'double' ? 'float64' : 'float32', v, [rows.length, 1]);
    }
  }
  return feeds;
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/v1/predict') { res.writeHead(404); res.end(); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const rows = JSON.parse(Buffer.concat(chunks).toString()).rows;
      const out = await session.run(inputs(rows));
      let predictions;
      if (out.label) {
        const k = classes.length;
        predictions = rows.map((_, i) => {
          const p = {};
          classes.forEach((c, j) => { p[c] = out.probabilities.data[i * k + j]; });
          return { label: classes[Number(out.label.data[i])], probabilities: p };
        });
      } else {
        predictions = rows.map((_, i) => ({ value: out.value.data[i] }));
      }
      const body = JSON.stringify({ model: 'ort', predictions });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: String(e) }));
    }
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
