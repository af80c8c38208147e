// Shared set-up for the Playwright tests: the page served as `make serve` serves it, Debian's
// headless Chromium, no request leaving 127.0.0.1, and every console error and page error kept.
// Requests to Zoom's hosts are answered here (never sent) by `zoomAnswer`, and recorded.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ZOOM_HOSTS = /^https?:\/\/([a-z0-9-]+\.)*(zoom\.us|zoomgov\.com|cloudfront\.net)(:\d+)?\//;

/** The form fields of a recorded POST body. */
export function formFields(request) {
  return Object.fromEntries(new URLSearchParams(request.postData ?? ''));
}

/** The query fields of a recorded request (a JSONP GET carries the join's fields there). */
export function queryFields(request) {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * Opens `path` on a fresh server and browser. `zoomAnswer(request)` may return `{ status, json }`
 * to answer a request to Zoom's hosts, or `{ status, body, contentType }` for a body that is not
 * JSON (a JSONP script); unanswered ones are aborted. Either way none is sent.
 * Local paths matching a `missing` pattern are answered 404, as if never built.
 */
export async function openPage(path = '/', { zoomAnswer = () => null, host = '127.0.0.1', mounts = [], missing = [] } = {}) {
  const server = await startServer({ host, port: 0, mounts });
  const origin = `http://${host}:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext();
  const blocked = [];
  const localRequests = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === host) {
      localRequests.push(url.pathname);
      if (missing.some((pattern) => pattern.test(url.pathname))) return route.fulfill({ status: 404, body: 'not found\n' });
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const zoomRequests = [];
  await context.route(ZOOM_HOSTS, async (route) => {
    const request = route.request();
    const recorded = { method: request.method(), url: request.url(), postData: request.postData() };
    zoomRequests.push(recorded);
    const headers = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': request.headers()['access-control-request-headers'] ?? '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers });
    const answer = zoomAnswer(recorded);
    if (!answer) return route.abort('blockedbyclient');
    const { status = 200, contentType = 'application/json', body = JSON.stringify(answer.json) } = answer;
    return route.fulfill({ status, headers, contentType, body });
  });
  const page = await context.newPage();
  const consoleErrors = [];
  const errorSources = [];
  const consoleMessages = [];
  context.on('console', (message) => consoleMessages.push(message.text()));
  const record = (text, source) => {
    consoleErrors.push(text);
    errorSources.push(source ?? '');
  };
  context.on('console', (message) => {
    if (message.type() === 'error') record(message.text(), message.location().url);
  });
  context.on('weberror', (error) => record(`pageerror: ${error.error().message}`, error.error().stack));
  await page.goto(origin + path);
  return {
    page,
    origin,
    blocked,
    localRequests,
    zoomRequests,
    consoleErrors,
    consoleMessages,
    /** Console and page errors from our own files, not from Zoom's SDKs (served at /zoom/, /zoom-4.1.0/ and /videosdk/). */
    ourErrors: () => consoleErrors.filter((_, i) => !/\/(zoom(-\d+\.\d+\.\d+)?|videosdk)\/|^blob:/.test(errorSources[i])),
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}
