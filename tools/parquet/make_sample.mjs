// Writes data-samples/embeddings/embeddings.parquet: 600 rows, a 32-float embedding (FLOAT[32],
// a fixed-size list) and a text label, through DuckDB (@duckdb/node-api), plus a summary that
// DuckDB computes from the written file (the oracle for the reader test).
//
//   cd tools/parquet && npm install && node make_sample.mjs ../../data-samples/embeddings
//
// The embedding is x = mu_label + sum_k s_k z_k v_k + 0.3 e: three class centres, an 8-dimensional
// latent factor with a power-law spectrum s_k = 2 k^-0.75, and isotropic noise, all from a seeded
// generator (mulberry32 + Box-Muller), so the file is the same on every run.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'fs';
import path from 'path';

const OUT = path.resolve(process.argv[2] || '../../data-samples/embeddings');
fs.mkdirSync(OUT, { recursive: true });
const N = 600, D = 32, K = 8, LABELS = ['alpha', 'beta', 'gamma'];

function mulberry32(a) { return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const rnd = mulberry32(20261122);
function gauss() { let u = rnd(); while (u <= 0) u = rnd(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd()); }

const centres = LABELS.map(() => Array.from({ length: D }, () => 1.5 * gauss()));
const factors = Array.from({ length: K }, () => Array.from({ length: D }, () => gauss() / Math.sqrt(D)));
const rows = [];
for (let i = 0; i < N; i++) {
  const c = i % LABELS.length;
  const z = Array.from({ length: K }, (_, k) => 2 * Math.pow(k + 1, -0.75) * gauss());
  const x = Array.from({ length: D }, (_, j) => {
    let v = centres[c][j] + 0.3 * gauss();
    for (let k = 0; k < K; k++) v += z[k] * factors[k][j] * Math.sqrt(D);
    return Math.fround(v);
  });
  rows.push({ id: i, label: LABELS[c], x });
}

const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
await con.run('SET threads = 1');
await con.run(`create table t (id INTEGER, label VARCHAR, embedding FLOAT[${D}])`);
const values = rows.map(r => `(${r.id}, '${r.label}', [${r.x.map(v => v.toPrecision(9)).join(',')}]::FLOAT[${D}])`).join(',\n');
await con.run(`insert into t values ${values}`);
const file = path.join(OUT, 'embeddings.parquet');
await con.run(`COPY (select * from t order by id) TO '${file}' (FORMAT parquet, COMPRESSION 'zstd', ROW_GROUP_SIZE 256)`);

const sums = (await con.runAndReadAll(`select ${Array.from({ length: D }, (_, j) => `sum(embedding[${j + 1}]::DOUBLE)`).join(', ')} from read_parquet('${file}')`)).getRows()[0].map(Number);
const counts = Object.fromEntries((await con.runAndReadAll(`select label, count(*)::INTEGER from read_parquet('${file}') group by label order by label`)).getRows());
const first = (await con.runAndReadAll(`select embedding::DOUBLE[] from read_parquet('${file}') where id = 0`)).getRows()[0][0].items.map(Number);
const ver = (await con.runAndReadAll('select version()')).getRows()[0][0];
fs.writeFileSync(path.join(OUT, 'embeddings.summary.json'), JSON.stringify({ writer: `DuckDB ${ver}`, rows: N, dimension: D, labels: counts, columnSums: sums, firstRow: first }, null, 1) + '\n');
console.log(`wrote ${file} (${fs.statSync(file).size} bytes)`);
