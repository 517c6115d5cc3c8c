// The machine is shared (builds, other tests): before a timed run, wait until the CPU has been at
// most a quarter busy over one second (at most a minute), and return the busy share last seen,
// so a figure taken on a busy machine can be told from a slow runtime. Null where /proc/stat
// cannot be read (not Linux).
import { readFileSync } from 'node:fs';

const sample = () => {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait ...: idle and iowait are the quiet part.
    return { total: cpu.reduce((a, b) => a + b, 0), idle: cpu[3] + (cpu[4] || 0) };
  } catch {
    return null;
  }
};

export async function waitForQuiet(maxWaitS = 60) {
  let busy = null;
  for (let waited = 0; waited < maxWaitS; waited++) {
    const a = sample();
    if (!a) return null;
    await new Promise((ok) => setTimeout(ok, 1000));
    const b = sample();
    busy = 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
    if (busy <= 0.25) break;
  }
  return Math.round(busy * 100) / 100;
}
