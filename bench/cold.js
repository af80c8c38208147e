// Cold start: from nothing loaded to the first token, for one alternative, in a fresh page.
import { ALTERNATIVES } from './alternatives.js';

const name = new URLSearchParams(location.search).get('alt');

async function run() {
  const start = performance.now();
  const signer = await ALTERNATIVES[name].load();
  if (!signer) return { skipped: true };
  const token = await signer.sign();
  return { ms: performance.now() - start, token };
}

window.benchResult = run().catch((error) => ({ error: String(error && error.stack || error) }));
