// llama.cpp natively (node-llama-cpp's prebuilt CPU binaries), for `cargo xtask calibrate`.
// For each model and thread count: prefill of PROMPT tokens (evaluateWithoutGeneratingNewTokens)
// and decode after PROMPT cached tokens (sequence.evaluate, greedy), RUNS times each; prints one
// JSON object with every run and the medians, in tokens/s, and how busy the CPU was before each run.
// Usage: node native.mjs <spec json>, the spec being
//   { "models": [{ "name", "file", "vocab" }], "threads": [1, 2], "prompt": 512, "decode": 16, "runs": 3 }
import { readFileSync } from 'node:fs';
import { getLlama } from 'node-llama-cpp';
import { waitForQuiet } from './quiet.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
// Token ids above the zeroed rows (the byte tokens and specials), the same for every run.
const promptTokens = (vocab, n) => {
  let x = 12345;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return 512 + (x % (vocab - 512));
  });
};
const log = (text) => process.stderr.write(`${text}\n`);

const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' });
const results = [];
for (const m of spec.models) {
  const model = await llama.loadModel({ modelPath: m.file, gpuLayers: 0 });
  const tokens = promptTokens(m.vocab, spec.prompt);
  for (const threads of spec.threads) {
    const context = await model.createContext({
      contextSize: spec.prompt + spec.decode + 64,
      batchSize: spec.prompt,
      sequences: 1,
      threads: { ideal: threads, min: threads },
    });
    const sequence = context.getSequence();
    const prefill = [];
    const decode = [];
    // The CPU's busy share just before each run (see quiet.mjs).
    const busy = [];
    // One unrecorded warm-up run (page faults of the mapped file, allocations), then RUNS.
    for (let run = -1; run < spec.runs; run++) {
      await sequence.clearHistory();
      const busyBefore = await waitForQuiet();
      let t0 = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens(tokens);
      const prefillS = (performance.now() - t0) / 1000;
      // Each step evaluates one token at the end of the cache: the first is the prompt's next
      // token, the rest are generated greedily.
      let generated = 0;
      t0 = performance.now();
      for await (const token of sequence.evaluate([tokens[0]], { temperature: 0 })) {
        void token;
        generated += 1;
        if (generated >= spec.decode) break;
      }
      const decodeS = (performance.now() - t0) / 1000;
      if (run < 0) continue;
      busy.push(busyBefore);
      prefill.push(spec.prompt / prefillS);
      decode.push(generated / decodeS);
      log(`native ${m.name}, ${threads} thread(s), run ${run + 1}: prefill ${(spec.prompt / prefillS).toFixed(2)}, decode ${(generated / decodeS).toFixed(2)} tokens/s (CPU ${busyBefore === null ? "?" : Math.round(busyBefore * 100)} % busy before)`);
    }
    results.push({
      model: m.name,
      threads,
      prefill_tokens_per_s: median(prefill),
      decode_tokens_per_s: median(decode),
      prefill_runs: prefill,
      decode_runs: decode,
      busy_before: busy,
    });
    await context.dispose();
  }
  await model.dispose();
}
const pkg = JSON.parse(readFileSync(new URL('./node_modules/node-llama-cpp/package.json', import.meta.url), 'utf8'));
console.log(JSON.stringify({ runtime: `node-llama-cpp ${pkg.version}`, results }));
