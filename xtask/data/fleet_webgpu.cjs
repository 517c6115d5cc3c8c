// Prints the WebGPU and browser-usage buckets of xtask/data/fleet_sources.json from caniuse's
// data, so the hand-kept numbers can be checked and refreshed. Not run by any build step:
//   npm i --no-save -E caniuse-lite@1.0.30001830 caniuse-db@1.0.30001813   (in a scratch dir)
//   NODE_PATH=<that dir>/node_modules node xtask/data/fleet_webgpu.cjs
// caniuse-lite gives each browser version's share of global usage (percent) and its WebGPU
// support flags; caniuse-db, the same data with its words, gives the notes the flags point to.
// Both are CC-BY-4.0 (caniuse.com, Alexis Deveria).
const lite = require('caniuse-lite');
const notes = require('caniuse-db/features-json/webgpu.json').notes_by_num;
const webgpu = lite.feature(lite.features.webgpu).stats;

const CLASS = { y: 'on', a: 'partial', n: 'off' };
const WORDS = { on: 'on by default', partial: 'on by default on some platforms only', off: 'off (none, or behind a flag)' };
const round = (percent) => Math.round(percent * 1000) / 100000; // percent, 3 decimals -> fraction

const support = [];
const usage = [];
for (const [id, agent] of Object.entries(lite.agents)) {
  const byClass = {};
  let total = 0;
  for (const [version, share] of Object.entries(agent.usage_global)) {
    if (!share) continue;
    total += share;
    const stat = (webgpu[id] || {})[version] || 'n';
    const cls = CLASS[stat[0]];
    const entry = (byClass[cls] ||= { share: 0, notes: new Set(), flag: false });
    entry.share += share;
    if (stat.split(' ').includes('d')) entry.flag = true;
    for (const m of stat.matchAll(/#(\d+)/g)) entry.notes.add(notes[m[1]]);
  }
  if (round(total) > 0) usage.push({ label: agent.browser, browser: id, share: round(total) });
  for (const cls of ['on', 'partial', 'off']) {
    const entry = byClass[cls];
    if (!entry || round(entry.share) === 0) continue;
    const bucket = { label: `${agent.browser}: WebGPU ${WORDS[cls]}`, browser: id, webgpu: cls, share: round(entry.share) };
    const words = [...entry.notes];
    if (entry.flag && cls === 'off') words.unshift('Some of these versions can turn it on behind a flag.');
    if (words.length) bucket.note = words.join(' ');
    support.push(bucket);
  }
}
console.log(JSON.stringify({ webgpu_buckets: support, browser_usage_buckets: usage }, null, 1));
