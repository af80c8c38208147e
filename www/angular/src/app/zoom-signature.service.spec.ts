// The service against the real zoomsig wasm module (the file angular.json serves), with expected
// values from Node's crypto, not from zoomsig.
import { TestBed } from '@angular/core/testing';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ZOOM_SDK_VERSION } from './zoom-client';
import { ZOOMSIG_WASM, ZoomSignatureService, isSignatureError } from './zoom-signature.service';

const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'fakeClientSecretForTesting0123456';

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('ZoomSignatureService', () => {
  let service: ZoomSignatureService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      // The same bytes the app fetches from wasm/zoomsig_bg.wasm; Node has no page URL to fetch from.
      providers: [{ provide: ZOOMSIG_WASM, useValue: readFileSync('node_modules/zoomsig/zoomsig_bg.wasm') }],
    });
    service = TestBed.inject(ZoomSignatureService);
  });

  it("makes the token Zoom's sample endpoint makes, byte for byte", async () => {
    const iat = 1_764_201_600;
    const token = await service.generateSignature({
      sdkKey: KEY,
      sdkSecret: SECRET,
      meetingNumber: '8512345678',
      role: 0,
      iat,
    });
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({ appKey: KEY, sdkKey: KEY, mn: '8512345678', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }),
    );
    const mac = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(token).toBe(`${header}.${payload}.${mac}`);
  });

  it('back-dates iat by 30 s by default, and the token verifies with the secret', async () => {
    const token = await service.generateSignature({ clientId: KEY, clientSecret: SECRET, meetingNumber: 85746065432, role: 1 });
    const [header, payload, mac] = token.split('.');
    expect(mac).toBe(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ appKey: KEY, sdkKey: KEY, mn: 85746065432, role: 1 });
    expect(Math.abs(claims.iat - (Date.now() / 1000 - 30))).toBeLessThan(5);
  });

  it('refuses a pasted meeting number with a typed error naming the digits to use', async () => {
    const refused = service.generateSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '857 4606 5432', role: 0 });
    const error: unknown = await refused.catch((e: unknown) => e);
    expect(isSignatureError(error)).toBe(true);
    if (!isSignatureError(error)) return;
    expect(error.code).toBe('INVALID_MEETING_NUMBER');
    expect(error.field).toBe('meetingNumber');
    expect(error.message).toContain('"85746065432"');
    expect(error.message).not.toContain(SECRET);
  });

  it('inspects its own token ok, and catches a token for another meeting before join', async () => {
    const token = await service.generateSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '8512345678', role: 0 });
    const report = await service.inspect(token, { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '8512345678', zak: '' });
    expect(report.ok).toBe(true);
    expect(report.signatureVerified).toBe(true);
    expect(report.findings.map((f) => f.code)).toEqual(['SIGNATURE_VERIFIED']);
    expect(report.remaining[0].code).toBe('KEY_APP_TYPE');

    const other = await service.inspect(token, { sdkSecret: SECRET, meetingNumber: '8598765432' });
    expect(other.ok).toBe(false);
    expect(other.findings.map((f) => f.code)).toContain('MN_MISMATCH');
  });

  it('flags a token signed with another secret (what Zoom calls 3712)', async () => {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const iat = Math.floor(Date.now() / 1000) - 30;
    const payload = b64url(JSON.stringify({ appKey: KEY, sdkKey: KEY, mn: '8512345678', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }));
    const mac = createHmac('sha256', 'anotherAppsSecret').update(`${header}.${payload}`).digest('base64url');
    const report = await service.inspect(`${header}.${payload}.${mac}`, { sdkSecret: SECRET, meetingNumber: '8512345678' });
    expect(report.ok).toBe(false);
    expect(report.signatureVerified).toBe(false);
    expect(report.findings.find((f) => f.code === 'SIGNATURE_MISMATCH')?.zoomErrors).toContain(3712);
  });

  it('reads the digits of a pasted meeting number or invite link', async () => {
    expect(await service.meetingNumberDigits('857 4606 5432')).toBe('85746065432');
    expect(await service.meetingNumberDigits('https://us05web.zoom.us/j/85746065432?pwd=abc')).toBe('85746065432');
    expect(await service.meetingNumberDigits('not a meeting')).toBeUndefined();
  });

  it('says the SDK version the app loads is the one package.json pins', () => {
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies['@zoom/meetingsdk'];
    expect(ZOOM_SDK_VERSION).toBe(pinned);
  });

  it("explains the founding story's 3712 with its report: the token is fine, the key's app type comes first", async () => {
    const token = await service.generateSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '8512345678', role: 0 });
    const report = await service.inspect(token, { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '8512345678', sdkVersion: '2.9.7' });
    const explanation = await service.explainJoinError({ type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 }, report);
    expect(explanation.found).toEqual([]);
    expect(explanation.remaining?.[0].code).toBe('KEY_APP_TYPE');
    expect(explanation.ruledOut?.map((cause) => cause.code)).toContain('SECRET_ENCODING');
  });

  it("explains Zoom's reply to a bad signature as the SDK's 3712", async () => {
    const explanation = await service.explainJoinError({ errorCode: 200, errorMessage: 'Invalid signature.' });
    expect(explanation.code).toBe(3712);
    expect(explanation.signatureRelated).toBe(true);
  });

  it('is shown verbatim in the README, for copying', () => {
    const readme = readFileSync('README.md', 'utf8');
    const service = readFileSync('src/app/zoom-signature.service.ts', 'utf8');
    expect(readme).toContain('```ts\n' + service + '```');
  });
});
