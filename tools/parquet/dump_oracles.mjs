// Dumps DuckDB's reading of the numeric and list-of-numeric columns of the parquet-testing files,
// as oracles for Spectra's reader tests (tests/Spectra.Tests/Parquet/Oracles/).
//
//   cd tools/parquet && npm install && node dump_oracles.mjs ../../../shared/conformance/parquet/parquet-testing/data OUT.json
//
// Each column becomes {rows, nulls, sha256, head}: sha256 is over the canonical text of every row
// (one line per row: "N" for null, the IEEE-754 bits of the value as 16 hex digits, "nan" for any
// NaN; a list is "[" + its elements, flattened through nested lists, joined by "," + "]").
import { DuckDBInstance } from '@duckdb/node-api';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

const [dir, out] = process.argv.slice(2);
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|BOOLEAN|DECIMAL\(\d+,\d+\))$/;
const LIST = /^(.*)\[\d*\]$/;

function baseType(t) {
  let depth = 0;
  while (LIST.test(t)) { t = t.match(LIST)[1]; depth++; }
  return { base: t, depth };
}

const bits = new DataView(new ArrayBuffer(8));
function canon(v) {
  if (v === null || v === undefined) return 'N';
  const x = Number(v);
  if (Number.isNaN(x)) return 'nan';
  bits.setFloat64(0, x);
  return bits.getBigUint64(0).toString(16).padStart(16, '0');
}
// depth = list nesting still to unwrap; a null at depth > 1 is a null inner list (no elements).
function flatten(v, depth, acc) {
  if (v === null || v === undefined) return acc;
  const items = Array.isArray(v) ? v : v.items;
  if (!items) throw new Error('not a list: ' + v);
  for (const e of items) {
    if (depth > 1) flatten(e, depth - 1, acc);
    else acc.push(canon(e));
  }
  return acc;
}

const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const ver = (await c.runAndReadAll('select version() v')).getRows()[0][0];
const result = { generator: `DuckDB ${ver} via @duckdb/node-api`, files: {} };
for (const f of fs.readdirSync(dir).filter(n => n.endsWith('.parquet')).sort()) {
  const file = path.join(dir, f);
  let cols;
  try {
    cols = (await c.runAndReadAll(`describe select * from read_parquet('${file}')`)).getRows().map(r => ({ name: r[0], type: r[1] }));
  } catch (e) { result.files[f] = { error: String(e.message).split('\n')[0] }; continue; }
  const entry = {};
  for (const { name, type } of cols) {
    const { base, depth } = baseType(type);
    if (!NUMERIC.test(base)) continue;
    const q = `"${name.replace(/"/g, '""')}"`;
    const expr = depth === 0 ? `${q}::DOUBLE` : `${q}::DOUBLE${'[]'.repeat(depth)}`;
    try {
      const rows = (await c.runAndReadAll(`select ${expr} from read_parquet('${file}')`)).getRows().map(r => r[0]);
      const lines = rows.map(v => depth === 0 ? canon(v) : (v === null ? 'N' : '[' + flatten(v, depth, []).join(',') + ']'));
      entry[name] = {
        type, rows: rows.length, nulls: rows.filter(v => v === null).length,
        sha256: crypto.createHash('sha256').update(lines.join('\n')).digest('hex'),
        head: rows.slice(0, 6).map(v => depth === 0 ? (v === null ? null : String(v)) : (v === null ? null : flatten(v, depth, []).length)),
      };
    } catch (e) { entry[name] = { type, error: String(e.message).split('\n')[0] }; }
  }
  result.files[f] = entry;
}
fs.writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
console.log(`wrote ${Object.keys(result.files).length} files to ${out}`);
