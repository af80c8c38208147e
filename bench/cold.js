// Cold start: from nothing loaded to the first token, for one alternative, in a fresh page.
// `?alt=zoomsigStages` (or `signerStages`, the signer-only module) loads zoomsig step by step
// instead, to show where its cold start goes.
import { ALTERNATIVES, KEY, SECRET, MEETING, IAT } from './alternatives.js';

const name = new URLSearchParams(location.search).get('alt');

async function run() {
  const start = performance.now();
  const signer = await ALTERNATIVES[name].load();
  if (!signer) return { skipped: true };
  const token = await signer.sign();
  return { ms: performance.now() - start, token };
}

// The same steps `init()` takes, timed one by one (without streaming compilation, so a little
// slower in total than the run above). Fetch times come from the browser's Resource Timing.
async function stages(base) {
  const fetched = (path) => {
    const entry = performance.getEntriesByName(new URL(path, location.href).href)[0];
    return entry ? entry.responseEnd - entry.startTime : NaN;
  };
  const t0 = performance.now();
  const zoomsig = await import(`${base}.js`);
  const t1 = performance.now();
  const bytes = await (await fetch(`${base}_bg.wasm`)).arrayBuffer();
  const t2 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const t3 = performance.now();
  await zoomsig.default({ module_or_path: module });
  const t4 = performance.now();
  const token = zoomsig.generateSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 0, iat: IAT });
  const t5 = performance.now();
  const glueFetch = fetched(`${base}.js`);
  return {
    token,
    ms: t5 - t0,
    stages: {
      glueFetch,
      glueEvaluate: t1 - t0 - glueFetch,
      wasmFetch: t2 - t1,
      compile: t3 - t2,
      instantiate: t4 - t3,
      firstCall: t5 - t4,
    },
  };
}

const STAGED = { zoomsigStages: '/pkg/zoomsig', signerStages: '/pkg/signer/zoomsig_signer' };
window.benchResult = (STAGED[name] ? stages(STAGED[name]) : run()).catch((error) => ({
  error: String((error && error.stack) || error),
}));
