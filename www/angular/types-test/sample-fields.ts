// Compiled by `make test-angular` with `tsc --strict` (tsconfig.types.json) against the built
// package's .d.ts, with zoom-sample/ (the README's recipes, which ng build also compiles): more of
// the package used from fields held as Zoom's Angular sample holds them (`role = 0` is a
// `number`), and what the types must still refuse.
import init, {
  explainJoinError,
  generateSignature,
  generateVideoToken,
  inspectSignature,
  type InspectContext,
  type InspectReport,
  type SignatureOptions,
} from 'zoomsig';

// The sample's fields as its class declares them, plus the recipe's two.
export class SampleFields {
  sdkKey = '';
  sdkSecret = ''; // local testing only: a secret in a page is readable by anyone who loads it
  meetingNumber = '123456789';
  role = 0;
  videoWebRtcMode = 1;
  expirationSeconds = 7200;
  sdkVersion = '4.1.0';
  zakToken = '';

  // A preflight before the join, its options and context from those fields.
  async checked(): Promise<{ signature: string; report: InspectReport } | undefined> {
    await init({ module_or_path: new URL('wasm/zoomsig_bg.wasm', document.baseURI) });
    const options: SignatureOptions = {
      sdkKey: this.sdkKey,
      sdkSecret: this.sdkSecret,
      meetingNumber: this.meetingNumber,
      role: this.role,
      videoWebRtcMode: this.videoWebRtcMode,
      expirationSeconds: this.expirationSeconds,
    };
    const signature = generateSignature(options);
    const context: InspectContext = {
      sdkSecret: this.sdkSecret,
      sdkKey: this.sdkKey,
      meetingNumber: this.meetingNumber,
      zak: this.zakToken,
      sdkVersion: this.sdkVersion,
    };
    const report = inspectSignature(signature, context);
    return report.findings.some((finding) => finding.severity === 'error') ? undefined : { signature, report };
  }
}

// The Client View's error callback gets what the SDK passes: explained with the preflight's report.
export function onJoinError(report: InspectReport): (error: unknown) => string[] {
  return (error) => explainJoinError(error, report).fixes;
}

// A join that throws, as the Video SDK's does: the catch clause holds `unknown`.
export async function joinOrExplain(join: () => Promise<unknown>, report: InspectReport): Promise<string[]> {
  try {
    await join();
    return [];
  } catch (error) {
    return explainJoinError(error, report, { sdk: 'video' }).fixes;
  }
}

// The Video SDK's fields, held the same way.
export class VideoSessionFields {
  topic = 'Design review';
  role = 1;
  cloudRecordingOption = 0;
  geoRegions = ['US', 'DE'];

  token(sdkKey: string, sdkSecret: string): string {
    return generateVideoToken({
      sdkKey,
      sdkSecret,
      topic: this.topic,
      role: this.role,
      cloudRecordingOption: this.cloudRecordingOption,
      geoRegions: this.geoRegions,
    });
  }
}

// The types still refuse what can never be valid.
export function neverValid(sdkSecret: string): void {
  // @ts-expect-error a key is a string
  generateSignature({ sdkKey: 42, sdkSecret, meetingNumber: '123456789', role: 0 });
  // @ts-expect-error role is a number or a string, not a boolean
  generateSignature({ sdkKey: 'key', sdkSecret, meetingNumber: '123456789', role: true });
  // @ts-expect-error the meeting number is required
  generateSignature({ sdkKey: 'key', sdkSecret, role: 0 });
}
