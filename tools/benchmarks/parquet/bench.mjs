// Side-by-side read benchmark: Spectra's Parquet source vs DuckDB (through node) on the same
// files and columns, in one run. Writes the two files with DuckDB on first use.
//
//   cd tools && npm install && node benchmarks/parquet/bench.mjs [DATA_DIR] [REPEAT]
//
// Spectra: tools/benchmarks/parquet/Spectra.Benchmarks.Parquet (Release) reads the selected columns through ParquetSource
// into a per-feature running sum. DuckDB: the same columns summed by one query (every value must
// be decoded), with 1 thread and with its default thread count. Best of REPEAT runs each. Spectra runs in both
// OpenBLAS environments (OPENBLAS_CORETYPE unset and =Haswell); the read calls no BLAS, so they should agree.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(process.argv[2] || path.join(os.tmpdir(), 'spectra-parquet-bench'));
const REPEAT = Number(process.argv[3] || 3);
fs.mkdirSync(DATA, { recursive: true });

const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const ver = (await con.runAndReadAll('select version()')).getRows()[0][0];
const defaultThreads = Number((await con.runAndReadAll("select current_setting('threads')")).getRows()[0][0]);

const wide = path.join(DATA, 'wide_1m_x64_float_snappy.parquet');
const emb = path.join(DATA, 'embeddings_200k_x768_float_snappy.parquet');
const cols = Array.from({ length: 64 }, (_, j) => `c${j}`);
if (!fs.existsSync(wide)) {
  console.error('writing ' + wide);
  await con.run(`COPY (select ${cols.map((c, j) => `((hash(i * 64 + ${j}) % 100000) / 50000.0 - 1)::FLOAT as ${c}`).join(', ')} from range(1000000) r(i))
    TO '${wide}' (FORMAT parquet, COMPRESSION 'snappy')`);
}
if (!fs.existsSync(emb)) {
  console.error('writing ' + emb);
  await con.run(`COPY (select i::INTEGER as id, [((hash(i * 768 + j) % 100000) / 50000.0 - 1)::FLOAT for j in range(768)]::FLOAT[768] as embedding from range(200000) r(i))
    TO '${emb}' (FORMAT parquet, COMPRESSION 'snappy')`);
}

async function duck(sql, threads) {
  await con.run(`SET threads = ${threads}`);
  const times = [], cpu = [];
  for (let r = 0; r < REPEAT; r++) {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    await con.runAndReadAll(sql);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { wall: Math.min(...times), cpu: Math.min(...cpu) };
}

const tool = path.join(here, 'Spectra.Benchmarks.Parquet');
execFileSync('dotnet', ['build', tool, '-c', 'Release', '-o', path.join(DATA, 'tool'), '-v', 'q', '-nologo'], { stdio: 'inherit' });
const environments = [
  { name: 'OPENBLAS_CORETYPE unset', env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OPENBLAS_CORETYPE')) },
  { name: 'OPENBLAS_CORETYPE=Haswell', env: { ...process.env, OPENBLAS_CORETYPE: 'Haswell' } },
];
function spectra(file, extra, env) {
  const out = execFileSync('dotnet', [path.join(DATA, 'tool', 'Spectra.Benchmarks.Parquet.dll'), 'bench', file, '--repeat', String(REPEAT), ...extra], { env }).toString().trim();
  return JSON.parse(out.split('\n').pop());
}

const cases = [
  { name: '1 000 000 rows × 64 FLOAT columns', file: wide, values: 64e6,
    sql: `select ${cols.map(c => `sum(${c})`).join(', ')} from read_parquet('${wide}')`, args: ['--columns', 'c*'] },
  { name: '200 000 rows × FLOAT[768] list', file: emb, values: 200000 * 768,
    sql: `select sum(list_sum(embedding)) from read_parquet('${emb}')`, args: ['--list', 'embedding'] },
];
const lines = [];
lines.push(`DuckDB ${ver} (@duckdb/node-api), node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}, best of ${REPEAT}`);
lines.push('');
lines.push('| file | size | reader | wall (CPU) | wall / DuckDB ' + defaultThreads + ' thr. | CPU / DuckDB ' + defaultThreads + ' thr. | peak RSS |');
lines.push('|---|---|---|---|---|---|---|');
for (const c of cases) {
  const mb = fs.statSync(c.file).size / 1e6;
  const d1 = await duck(c.sql, 1);
  const dn = await duck(c.sql, defaultThreads);
  const f = (wall, cpu) => `${wall.toFixed(2)} s, ${(mb / wall).toFixed(0)} MB/s (${cpu.toFixed(2)} s)`;
  const row = (who, wall, cpu, rss) =>
    lines.push(`| ${c.name} | ${mb.toFixed(0)} MB | ${who} | ${f(wall, cpu)} | ${(wall / dn.wall).toFixed(2)}× | ${(cpu / dn.cpu).toFixed(2)}× | ${rss} |`);
  for (const e of environments) {
    const s = spectra(c.file, c.args, e.env);
    const sNoHash = spectra(c.file, [...c.args, '--no-hash'], e.env);
    // Peak memory of one read in a fresh process (the timed runs above repeat the read, so their peak includes garbage from earlier runs).
    const once = spectra(c.file, [...c.args, '--repeat', '1'], e.env);
    row(`Spectra (defaults: XXH128 content hash, row names), ${e.name}`, s.best_s, s.best_cpu_s, `${once.peak_rss_mb.toFixed(0)} MB (one read), ${s.peak_rss_mb.toFixed(0)} MB (${REPEAT} reads)`);
    row(`Spectra, HashContent = false, ${e.name}`, sNoHash.best_s, sNoHash.best_cpu_s, `${sNoHash.peak_rss_mb.toFixed(0)} MB`);
  }
  row('DuckDB, 1 thread', d1.wall, d1.cpu, '');
  row(`DuckDB, ${defaultThreads} threads`, dn.wall, dn.cpu, '');
}
lines.push('');
lines.push(`DuckDB peak RSS (whole node process, both files): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(lines.join('\n'));
