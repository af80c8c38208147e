// Steady state: every alternative signs the same payload in interleaved rounds in this one page.
// Each round times a batch per alternative; the runner reads window.benchResult.
import { ALTERNATIVES } from './alternatives.js';

const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get('rounds') ?? 30);
const BATCH_MS = Number(params.get('batchMs') ?? 100);

async function timeBatch(signer, count) {
  const start = performance.now();
  if (signer.sync) {
    for (let i = 0; i < count; i += 1) signer.sign();
  } else {
    for (let i = 0; i < count; i += 1) await signer.sign();
  }
  return ((performance.now() - start) * 1000) / count;
}

async function run() {
  const signers = {};
  const tokens = {};
  for (const [name, alternative] of Object.entries(ALTERNATIVES)) {
    const signer = await alternative.load();
    if (!signer) continue;
    signers[name] = signer;
    tokens[name] = await signer.sign();
  }
  // Batch sizes that take about BATCH_MS each, found once after warming up.
  const counts = {};
  for (const [name, signer] of Object.entries(signers)) {
    let count = 10;
    while ((await timeBatch(signer, count)) * count < BATCH_MS * 1000 && count < 1e7) count *= 2;
    counts[name] = count;
  }
  const samples = Object.fromEntries(Object.keys(signers).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, signer] of Object.entries(signers)) samples[name].push(await timeBatch(signer, counts[name]));
  }
  return { tokens, counts, samples, userAgent: navigator.userAgent };
}

window.benchResult = run().catch((error) => ({ error: String(error && error.stack || error) }));
