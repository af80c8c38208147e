// The component with ZoomSignatureService and the SDK faked: what it passes where, and that
// nothing reaches join when the signature is refused or would be.
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { InspectReport, JoinErrorExplanation } from 'zoomsig';
import { App } from './app';
import { ZOOM_CLIENT, type ZoomClient } from './zoom-client';
import { ZoomSignatureService } from './zoom-signature.service';

const OK_REPORT: InspectReport = {
  ok: true,
  kind: 'meeting-sdk',
  header: {},
  payload: {},
  signatureVerified: true,
  signatureStatus: 'verified',
  issuedAt: 1,
  expiresAt: 2,
  findings: [{ code: 'SIGNATURE_VERIFIED', severity: 'info', message: 'verified', fix: '', zoomErrors: [] }],
  ruledOut: [{ code: 'SECRET_ENCODING', because: 'the HMAC verified' }],
  remaining: [
    { code: 'KEY_APP_TYPE', message: 'the key may not be a Meeting SDK key', check: 'App Marketplace' },
    { code: 'KEY_SECRET_PAIR', message: 'the secret may be of another app', check: 'App Credentials' },
  ],
};

const EXPLANATION: JoinErrorExplanation = {
  code: 3712,
  name: 'INVALID_SIGNATURE',
  meaning: 'Zoom refused the signature.',
  signatureRelated: true,
  causes: [],
  fixes: ['Check the secret.'],
  found: [],
  ruledOut: [{ code: 'SECRET_ENCODING', because: 'the HMAC verified' }],
  remaining: [{ code: 'KEY_APP_TYPE', message: 'the key may not be a Meeting SDK key', check: 'App Marketplace' }],
};

function zoomsigError(code: string, field: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'ZoomsigError', code, field });
}

describe('App', () => {
  let fixture: ComponentFixture<App>;
  let page: HTMLElement;
  const service = {
    generateSignature: vi.fn(),
    inspect: vi.fn(),
    explainJoinError: vi.fn(),
    meetingNumberDigits: vi.fn(),
  };
  const client = { init: vi.fn(), join: vi.fn() };
  const createClient = vi.fn(async () => client as unknown as ZoomClient);

  beforeEach(async () => {
    vi.resetAllMocks();
    service.generateSignature.mockResolvedValue('header.payload.mac');
    service.inspect.mockResolvedValue(OK_REPORT);
    service.explainJoinError.mockResolvedValue(EXPLANATION);
    client.init.mockResolvedValue('');
    client.join.mockResolvedValue('');
    createClient.mockImplementation(async () => client as unknown as ZoomClient);
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        { provide: ZoomSignatureService, useValue: service },
        { provide: ZOOM_CLIENT, useValue: createClient },
      ],
    }).compileComponents();
    fixture = TestBed.createComponent(App);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function type(name: string, value: string): void {
    const field = page.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`);
    if (!field) throw new Error(`no field ${name}`);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function join(meetingNumber = '85746065432'): Promise<void> {
    type('sdkKey', 'abcdEFGHijklMNOPqrst12');
    type('sdkSecret', 'secret');
    type('meetingNumber', meetingNumber);
    type('passWord', 'pass');
    type('userName', 'Tester');
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('makes the signature with the service, inspects it against the join, then joins with it', async () => {
    const role = page.querySelector<HTMLSelectElement>('[name=role]');
    if (role) role.selectedIndex = 1;
    role?.dispatchEvent(new Event('change'));
    await join();

    expect(service.generateSignature).toHaveBeenCalledWith({
      sdkKey: 'abcdEFGHijklMNOPqrst12',
      sdkSecret: 'secret',
      meetingNumber: '85746065432',
      role: 1,
    });
    expect(service.inspect).toHaveBeenCalledWith('header.payload.mac', {
      sdkKey: 'abcdEFGHijklMNOPqrst12',
      sdkSecret: 'secret',
      meetingNumber: '85746065432',
      zak: '',
      sdkVersion: '6.2.0',
    });
    expect(client.init).toHaveBeenCalledWith({
      zoomAppRoot: page.querySelector('#meetingSDKElement'),
      language: 'en-US',
      assetPath: new URL('zoom/av', document.baseURI).href,
      patchJsMedia: true,
    });
    expect(client.join).toHaveBeenCalledWith({
      signature: 'header.payload.mac',
      meetingNumber: '85746065432',
      password: 'pass',
      userName: 'Tester',
    });
    expect(page.querySelector<HTMLTextAreaElement>('#token')?.value).toBe('header.payload.mac');
    expect(page.querySelector('#inspection')?.getAttribute('data-ok')).toBe('true');
    expect(page.querySelector('#inspection .verdict')?.textContent).toContain('Everything that can be checked offline passed');
    expect([...page.querySelectorAll('#inspection ol.remaining li')].map((li) => [li.getAttribute('data-code'), li.className]))
      .toEqual([['KEY_APP_TYPE', 'cause first'], ['KEY_SECRET_PAIR', 'cause']]);
    expect(page.querySelector('#joined')).not.toBeNull();
  });

  it('puts the digits of a pasted meeting number in the field, and says so', async () => {
    service.meetingNumberDigits.mockResolvedValue('85746065432');
    await join('857 4606 5432');

    expect(service.meetingNumberDigits).toHaveBeenCalledWith('857 4606 5432');
    expect(service.generateSignature).toHaveBeenCalledWith(expect.objectContaining({ meetingNumber: '85746065432' }));
    expect(page.querySelector<HTMLInputElement>('[name=meetingNumber]')?.value).toBe('85746065432');
    expect(page.querySelector('#meeting-note')?.textContent).toBe('Turned "857 4606 5432" into the meeting number 85746065432.');
  });

  it('shows a refused option, marks its field, and never creates the client', async () => {
    service.generateSignature.mockRejectedValue(
      zoomsigError('INVALID_MEETING_NUMBER', 'meetingNumber', 'meetingNumber must be digits only: use "85746065432".'),
    );
    await join('857 4606 5432');

    expect(page.querySelector('#problem-code')?.textContent).toBe('INVALID_MEETING_NUMBER');
    expect(page.querySelector('#problem-message')?.textContent).toContain('"85746065432"');
    expect(page.querySelector('[name=meetingNumber]')?.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector('[name=sdkKey]')?.getAttribute('aria-invalid')).toBe('false');
    expect(page.querySelector('#token')).toBeNull();
    expect(createClient).not.toHaveBeenCalled();
  });

  it('does not join when the inspection finds an error', async () => {
    service.inspect.mockResolvedValue({
      ...OK_REPORT,
      ok: false,
      findings: [{ code: 'MN_MISMATCH', severity: 'error', field: 'mn', message: 'another meeting', fix: 'remake it', zoomErrors: [3706] }],
    } satisfies InspectReport);
    await join();

    expect(page.querySelector('#inspection')?.getAttribute('data-ok')).toBe('false');
    expect(page.querySelector('.finding')?.getAttribute('data-code')).toBe('MN_MISMATCH');
    expect(createClient).not.toHaveBeenCalled();
  });

  it("explains the SDK's join error", async () => {
    const failure = { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 };
    client.join.mockRejectedValue(failure);
    await join();

    expect(service.explainJoinError).toHaveBeenCalledWith(failure, OK_REPORT);
    expect(page.querySelector('#join-error')?.getAttribute('data-code')).toBe('3712');
    expect(page.querySelector('#join-error .found-title')?.textContent).toBe('Found in the token: nothing');
    expect(page.querySelector('#join-error ol.remaining li.first')?.getAttribute('data-code')).toBe('KEY_APP_TYPE');
    expect(page.querySelector('#join-error ul.ruled-out li')?.getAttribute('data-code')).toBe('SECRET_ENCODING');
    expect(page.querySelector('#join-error ul.fixes li')?.textContent).toBe('Check the secret.');
    expect(page.querySelector('#joined')).toBeNull();
  });

  it('shows a wasm that failed to load instead of throwing', async () => {
    service.generateSignature.mockRejectedValue(new TypeError('Failed to fetch'));
    await join();

    expect(page.querySelector('#problem-code')?.textContent).toBe('ZOOMSIG_UNAVAILABLE');
    expect(page.querySelector('#problem-message')?.textContent).toContain('Failed to fetch');
    expect(createClient).not.toHaveBeenCalled();
  });
});
