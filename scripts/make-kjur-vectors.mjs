// Writes tests/data/kjur-header-vectors.json: header objects jsrsasign signs in an unusual way (an
// array, an object with toJSON), each with the token the real jsrsasign makes for it. The wasm
// suite (tests/wasm/kjur.rs) checks zoomsig's KJUR against this file.
// Run: node scripts/make-kjur-vectors.mjs
import { writeFileSync } from 'node:fs';
import jsrsasign from 'jsrsasign';

const PAYLOAD = 'p';
const KEY = 'k';
// JS source, as the wasm test evaluates it in the page or in Node.
const headers = [
  // alg lands on the array, and JSON.stringify does not write it.
  '[1]',
  // toJSON decides what is signed; the object has alg, so nothing is added.
  "{ alg: 'HS256', toJSON() { return { x: 1 }; } }",
];
const out = headers.map((header) => ({
  header,
  payload: PAYLOAD,
  key: KEY,
  token: jsrsasign.KJUR.jws.JWS.sign('HS256', new Function(`return (${header});`)(), PAYLOAD, KEY),
}));
writeFileSync(
  new URL('../tests/data/kjur-header-vectors.json', import.meta.url),
  `${JSON.stringify(out, null, 1)}\n`,
);
console.log(`wrote ${out.length} vectors`);
