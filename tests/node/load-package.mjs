// Loads the built package (pkg/) in Node the way a Node user would: initSync with the wasm bytes.
import { readFileSync } from 'node:fs';
import * as zoomsig from '../../pkg/zoomsig.js';

zoomsig.initSync({ module: readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)) });

export default zoomsig;
