// A small auth endpoint for the harness's "From your auth endpoint", written from the contract of
// Zoom's meetingsdk-auth-endpoint-sample (../shared/reference/zoom-signature-rules.md, 2.1):
// `POST /` with JSON `{ meetingNumber, role, expirationSeconds?, videoWebRtcMode? }`, role,
// expirationSeconds and videoWebRtcMode parseInt'ed when strings, the sample's validations and
// messages, HTTP 400 `{ errors: [{ property, reason }] }` or `{ signature, sdkKey }`, signed with
// the real jsrsasign as the sample signs (tests/node/zoom-sample.mjs), CORS as `cors()` allows it.
// The test can make it sign with one fault (`endpoint.fault`), or answer without CORS.
import { createServer } from 'node:http';
import { sampleSignature } from '../node/zoom-sample.mjs';

// Each fault is one that real endpoints have shipped, and one the doctor names.
const FAULTS = {
  // exp three days after iat: Zoom allows 48 hours at most.
  'exp-too-far': (options) => ({ ...options, expirationSeconds: 3 * 86400 }),
  // Date.now() without the division by 1000.
  'iat-in-milliseconds': (options) => ({ ...options, iat: Date.now() }),
  // A token for another meeting than the one asked for.
  'another-meeting': (options) => ({ ...options, meetingNumber: '12345678901' }),
};

const isNumber = (value) => typeof value === 'number' && !Number.isNaN(value);

const inNumberArray = (allowed) => (property, value) => {
  if (value === undefined) return undefined;
  if (!isNumber(value)) return { property, reason: `Value ${value} not allowed, must be of type number` };
  if (!allowed.includes(value)) return { property, reason: `Value is not valid. Got ${value}, expected ${allowed}` };
  return undefined;
};

const isBetween = (min, max) => (property, value) => {
  if (value === undefined) return undefined;
  if (!isNumber(value)) return { property, reason: `Value ${value} not allowed, must be of type number` };
  if (value < min || value > max) return { property, reason: `Value must in between ${min} and ${max}` };
  return undefined;
};

const PROPERTY_RULES = {
  role: inNumberArray([0, 1]),
  expirationSeconds: isBetween(1800, 172800),
  videoWebRtcMode: inNumberArray([0, 1]),
};

function allOrNone(body, keys) {
  const present = keys.filter((key) => body[key] !== undefined);
  if (present.length === 0 || present.length === keys.length) return undefined;
  return { property: '$schema', reason: `If one of the following properties is present, all or none must be present: ${keys.join(', ')}` };
}

/** The sample's errors for a request body, schema first: an empty list when it signs. */
function validate(body) {
  return [allOrNone(body, ['meetingNumber', 'role']), ...Object.entries(PROPERTY_RULES).map(([property, rule]) => rule(property, body[property]))]
    .filter(Boolean);
}

function coerce(body) {
  const coerced = { ...body };
  for (const name of Object.keys(PROPERTY_RULES)) if (typeof body[name] === 'string') coerced[name] = parseInt(body[name], 10);
  return coerced;
}

/**
 * Starts the endpoint on 127.0.0.1 at a free port. `requests` records each request (method, body
 * as received); `issued` each signature answered. Set `fault` to a name in FAULTS to sign with it.
 */
export async function startAuthEndpoint({ sdkKey, sdkSecret, cors = true }) {
  const endpoint = { requests: [], issued: [], fault: null };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      endpoint.requests.push({ method: request.method, body: text });
      // cors() with no options: any origin, the usual methods, the asked-for headers.
      const headers = cors ? { 'Access-Control-Allow-Origin': '*' } : {};
      const send = (status, json) => {
        response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(json));
      };
      // The CORS preflight (in the browser tests Playwright's routing answers it instead).
      if (request.method === 'OPTIONS') {
        if (cors) {
          headers['Access-Control-Allow-Methods'] = 'GET,HEAD,PUT,PATCH,POST,DELETE';
          headers['Access-Control-Allow-Headers'] = request.headers['access-control-request-headers'] ?? '';
          headers.Vary = 'Access-Control-Request-Headers';
        }
        response.writeHead(204, { ...headers, 'Content-Length': '0' });
        return response.end();
      }
      if (request.method !== 'POST' || request.url !== '/') return send(404, { error: `Cannot ${request.method} ${request.url}` });
      let body;
      try {
        body = coerce(JSON.parse(text));
      } catch {
        return send(400, { error: 'the body is not JSON' });
      }
      const errors = validate(body);
      if (errors.length > 0) return send(400, { errors });
      const options = {
        sdkKey,
        sdkSecret,
        meetingNumber: body.meetingNumber,
        role: body.role,
        expirationSeconds: body.expirationSeconds,
        videoWebRtcMode: body.videoWebRtcMode,
        iat: Math.floor(Date.now() / 1000),
      };
      const signature = sampleSignature(endpoint.fault ? FAULTS[endpoint.fault](options) : options);
      endpoint.issued.push(signature);
      return send(200, { signature, sdkKey });
    });
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  endpoint.url = `http://127.0.0.1:${server.address().port}/`;
  endpoint.close = () => new Promise((closed) => server.close(closed));
  return endpoint;
}
