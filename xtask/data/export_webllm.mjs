// Prints WebLLM's prebuilt model list (the pinned @mlc-ai/web-llm) as JSON, one object per entry,
// with only the fields `cargo xtask refresh-data` uses.
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./node_modules/@mlc-ai/web-llm/package.json', import.meta.url)));
const models = prebuiltAppConfig.model_list.map((m) => ({
  model_id: m.model_id,
  model_type: m.model_type ?? null,
  vram_required_mb: m.vram_required_MB ?? null,
  low_resource_required: m.low_resource_required ?? null,
  context_window_size: m.overrides?.context_window_size ?? null,
}));
process.stdout.write(JSON.stringify({ version: pkg.version, license: pkg.license, models }, null, 1));
