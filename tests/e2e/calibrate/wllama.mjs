// llama.cpp in WebAssembly (wllama) in headless Chromium, for `cargo xtask calibrate`.
// Serves wllama.html, wllama's files and the GGUF files on 127.0.0.1: under /plain/ without
// cross-origin isolation (wllama then runs one thread), under /isolated/ with COOP/COEP (it
// may then run N threads). Prints one JSON object with every run and the medians, tokens/s.
// Usage: node wllama.mjs <spec json>, the spec being
//   { "models": [{ "name", "file" }], "threads": [1, 2], "prompt": 512, "decode": 8, "runs": 2 }
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { waitForQuiet } from './quiet.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const here = fileURLToPath(new URL('.', import.meta.url));
const wllamaDir = join(here, 'node_modules/@wllama/wllama');
const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

// The files the page may ask for, and nothing else.
function resolve(path) {
  if (path === '/wllama.html') return join(here, 'wllama.html');
  if (path.startsWith('/wllama/')) {
    const file = normalize(join(wllamaDir, path.slice('/wllama/'.length)));
    return file.startsWith(wllamaDir) ? file : null;
  }
  if (path.startsWith('/models/')) {
    const m = spec.models.find((model) => basename(model.file) === path.slice('/models/'.length));
    return m ? m.file : null;
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const isolated = url.pathname.startsWith('/isolated/');
  const path = url.pathname.replace(/^\/(isolated|plain)/, '');
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const file = resolve(path);
  let size;
  try {
    size = file && statSync(file).size;
  } catch {
    size = null;
  }
  if (!size) {
    log(`calibrate server: no ${url.pathname}`);
    res.writeHead(404).end('not found');
    return;
  }
  const headers = {
    'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-store',
  };
  if (isolated) {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const results = [];
for (const m of spec.models) {
  for (const threads of spec.threads) {
    // One thread on a page that is not cross-origin isolated, as most sites serve it; more
    // threads need the isolated page (SharedArrayBuffer).
    const mode = threads > 1 ? 'isolated' : 'plain';
    // A fresh browser and profile for every measurement.
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || process.env.CALIBRATE_VERBOSE) log(`wllama page: ${msg.text()}`);
    });
    // The CPU's busy share before the page starts (see quiet.mjs); the runs follow in one go.
    const entry = { model: m.name, threads, page: mode, busy_before: [await waitForQuiet()] };
    try {
      await page.goto(`${origin}/${mode}/wllama.html`);
      await page.waitForFunction(() => window.calibrateReady === true);
      const out = await page.evaluate((args) => window.calibrate(args), {
        model: `./models/${basename(m.file)}`,
        threads,
        prompt: spec.prompt,
        decode: spec.decode,
        runs: spec.runs,
      });
      Object.assign(entry, out, {
        prefill_tokens_per_s: median(out.prefill_runs),
        decode_tokens_per_s: median(out.decode_runs),
      });
      // wllama falls back to one thread where it cannot start more: record what it ran.
      if (out.threads_run !== threads) {
        entry.threads = out.threads_run;
        entry.note = `asked for ${threads} threads; wllama ran ${out.threads_run}`;
      }
      log(`wllama ${m.name}, ${entry.threads} thread(s) (${mode} page): prefill ${out.prefill_runs.map((v) => v.toFixed(2)).join(', ')}; decode ${out.decode_runs.map((v) => v.toFixed(2)).join(', ')} tokens/s`);
    } catch (error) {
      entry.error = String(error.message || error).split('\n')[0];
      log(`wllama ${m.name}, ${threads} thread(s): failed: ${entry.error}`);
    }
    results.push(entry);
    await browser.close();
  }
}
server.close();
const pkg = JSON.parse(readFileSync(join(wllamaDir, 'package.json'), 'utf8'));
console.log(JSON.stringify({ runtime: `@wllama/wllama ${pkg.version}`, results }));
