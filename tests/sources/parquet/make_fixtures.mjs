#!/usr/bin/env node
// Writes the Parquet fixtures of the parquet tests with DuckDB, and DuckDB's own reading of each
// as the reference: FILE.parquet and FILE.ref.json (one JSON object a row, values in the units
// Kiln stores: dates as days, timestamps and times as milliseconds, decimals as doubles, blobs
// as lower-case hex). Also index.json: each file and how it was written.
//
// usage: node make_fixtures.mjs OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const out = process.argv[2];
if (!out) { console.error('usage: node make_fixtures.mjs OUT_DIR'); process.exit(2); }
mkdirSync(out, { recursive: true });

const ROWS = 10000;
const TABLE = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t AS SELECT
  i::INTEGER AS id,
  CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 100 - 50)::TINYINT END AS tiny,
  (i * 3 % 30000 - 15000)::SMALLINT AS small,
  (i * 100003 % 2000000000 - 1000000000)::INTEGER AS int32,
  (i::BIGINT * 1000000007 - 3000000000000)::BIGINT AS big,
  (i % 200)::UTINYINT AS utiny,
  (i * 7 % 60000)::USMALLINT AS usmall,
  (i::BIGINT * 1000003 % 4000000000)::UINTEGER AS uint32,
  (i::UBIGINT * 12345678901)::UBIGINT AS ubig,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i / 7.0)::FLOAT END AS f32,
  (i * 0.001 - 1.5)::DOUBLE AS f64,
  (i * 1.25)::DECIMAL(9,2) AS dec9,
  (i * 12.3456 - 5000)::DECIMAL(18,4) AS dec18,
  (i * 1234567.0123456789)::DECIMAL(38,10) AS dec38,
  CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '2020-01-01' + (i % 1000 - 400)::INTEGER END AS d,
  TIMESTAMP '2021-03-04 05:06:07' + i * INTERVAL 1 MINUTE + i * 1234 * INTERVAL 1 MICROSECOND AS ts,
  (TIMESTAMP '1969-12-31 23:00:00' + i * INTERVAL 17 SECOND)::TIMESTAMP_MS AS ts_ms,
  (TIMESTAMP '2021-03-04 05:06:07' + i * 1234 * INTERVAL 1 MICROSECOND)::TIMESTAMP_NS AS ts_ns,
  (TIMESTAMP '2001-01-01' + i * INTERVAL 1 HOUR)::TIMESTAMP_S AS ts_s,
  (TIMESTAMPTZ '2022-06-01 12:00:00+00' + i * INTERVAL 1 SECOND) AS tstz,
  TIME '00:00:00' + i * INTERVAL 1 SECOND + i * INTERVAL 1 MILLISECOND AS tm,
  lpad((i % 50)::VARCHAR, 5, '0') AS code,
  CASE WHEN i % 9 = 0 THEN NULL ELSE 'row ' || i END AS label,
  CASE WHEN i % 5 = 0 THEN NULL ELSE (['sad', 'ok', 'happy'])[i % 3 + 1]::mood END AS mood,
  ('00000000-0000-4000-8000-' || lpad(i::VARCHAR, 12, '0'))::UUID AS id_uuid,
  ('b' || i)::BLOB AS bin,
  CASE WHEN i % 4 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
  [i, i + 1] AS tags,
  {'a': i, 'b': 'x'} AS pair,
  MAP {'k': i} AS props
FROM range(${ROWS}) r(i);`;

// The reference value of a column in Kiln's units, by DuckDB type.
function referenceExpr(name, type) {
  const c = `"${name}"`;
  if (type.startsWith('DECIMAL')) return `${c}::DOUBLE AS ${c}`;
  if (type === 'DATE') return `(${c} - DATE '1970-01-01') AS ${c}`;
  if (type === 'TIMESTAMP_NS') return `(epoch_ns(${c}) // 1000000) AS ${c}`;
  if (type.startsWith('TIMESTAMP')) return `epoch_ms(${c}) AS ${c}`;
  if (type === 'TIME') return `epoch_ms(DATE '1970-01-01' + ${c}) AS ${c}`;
  if (type === 'BLOB') return `lower(hex(${c})) AS ${c}`;
  if (type === 'UUID' || type.startsWith('ENUM')) return `${c}::VARCHAR AS ${c}`;
  if (type.endsWith('[]') || type.startsWith('STRUCT') || type.startsWith('MAP')) return null;
  return c;
}

const variants = [];
for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4', 'lz4_raw', 'brotli'])
  variants.push({ name: `codec_${codec}`, options: `COMPRESSION ${codec}, ROW_GROUP_SIZE 2048` });
for (const version of ['V1', 'V2'])
  for (const dict of [true, false])
    variants.push({
      name: `${version.toLowerCase()}_${dict ? 'dict' : 'plain'}`,
      options: `COMPRESSION snappy, PARQUET_VERSION ${version}, ROW_GROUP_SIZE 2048` +
        (dict ? '' : ', DICTIONARY_SIZE_LIMIT 0'),
    });
variants.push({ name: 'one_group', options: 'COMPRESSION zstd' });

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(TABLE);
const index = [];
for (const v of variants) {
  const file = join(out, `${v.name}.parquet`);
  try {
    await con.run(`COPY t TO '${file}' (FORMAT parquet, ${v.options})`);
  } catch (e) {
    index.push({ name: v.name, options: v.options, written: false, error: String(e.message || e) });
    continue;
  }
  let reference = true;
  try {
    const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    const exprs = described.getRowObjects().map((r) => referenceExpr(r.column_name, r.column_type)).filter(Boolean);
    await con.run(`COPY (SELECT ${exprs.join(', ')} FROM read_parquet('${file}')) TO '${join(out, v.name + '.ref.json')}' (FORMAT json)`);
  } catch (e) {
    reference = false;
  }
  index.push({ name: v.name, options: v.options, written: true, reference });
}
// Files of their own: unsigned 64-bit values past int64, only nested columns, a few rows.
const extras = {
  ubig_overflow: `SELECT i::INTEGER AS id, (i::UBIGINT * 900000000000000000)::UBIGINT AS ubig FROM range(20) r(i)`,
  only_nested: `SELECT [i] AS tags, {'a': i} AS pair FROM range(5) r(i)`,
  categories: `SELECT (['low', 'mid', 'high'])[i % 3 + 1] AS level, i AS n FROM range(100) r(i)`,
};
for (const [name, sql] of Object.entries(extras)) {
  const file = join(out, `${name}.parquet`);
  await con.run(`COPY (${sql}) TO '${file}' (FORMAT parquet)`);
  index.push({ name, options: sql, written: true, reference: false });
}
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1));
console.log(JSON.stringify(index));
