// The tokens runHostile's known-good calls must give, made by the references (Zoom's endpoint
// samples on the real jsrsasign), not by zoomsig. Node only: the browser test passes them in.
import { GOOD_OPTIONS, GOOD_VIDEO_OPTIONS } from './hostile.mjs';
import { endpointVideoToken } from './video-sample.mjs';
import { sampleSignature } from './zoom-sample.mjs';

export const EXPECTED = {
  token: sampleSignature(GOOD_OPTIONS),
  videoToken: endpointVideoToken(GOOD_VIDEO_OPTIONS),
};
