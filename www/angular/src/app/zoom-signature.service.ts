// Makes and checks Zoom Meeting SDK signatures in the page with zoomsig, in place of a call to a
// signature endpoint. FOR LOCAL TESTING ONLY: a secret in a web page is readable by anyone who
// loads the page; production signatures belong on your server.
import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';
import init, {
  explainJoinError,
  generateSignature,
  inspectSignature,
  meetingNumberDigits,
  type InitInput,
  type InspectContext,
  type InspectReport,
  type JoinErrorExplanation,
  type SdkJoinError,
  type SignatureError,
  type SignatureOptions,
} from 'zoomsig';

/**
 * Where the service gets `zoomsig_bg.wasm`. By default the URL that the `assets` entry of
 * angular.json copies it to, resolved against `<base href>`; tests can give the bytes instead.
 */
export const ZOOMSIG_WASM = new InjectionToken<InitInput | Promise<InitInput>>('ZOOMSIG_WASM', {
  providedIn: 'root',
  factory: () => new URL('wasm/zoomsig_bg.wasm', inject(DOCUMENT).baseURI),
});

/** Whether `error` is what `generateSignature` throws for a wrong option. */
export function isSignatureError(error: unknown): error is SignatureError {
  return error instanceof Error && error.name === 'ZoomsigError';
}

@Injectable({ providedIn: 'root' })
export class ZoomSignatureService {
  private readonly wasm = inject(ZOOMSIG_WASM);
  private loading?: Promise<unknown>;

  /** Loads the wasm module on first use; every later call shares that one load. */
  load(): Promise<void> {
    this.loading ??= init({ module_or_path: this.wasm }).catch((error: unknown) => {
      this.loading = undefined; // a failed load (say, offline) is tried again next time
      throw error;
    });
    return this.loading.then(() => undefined);
  }

  /** The signature (an HS256 JWT); rejects with a `SignatureError` naming the wrong option. */
  async generateSignature(options: SignatureOptions): Promise<string> {
    await this.load();
    return generateSignature(options);
  }

  /** Everything that can be known offline about why Zoom would refuse `token`. */
  async inspect(token: string, context?: InspectContext): Promise<InspectReport> {
    await this.load();
    return inspectSignature(token, context);
  }

  /** The digits of a meeting number as people paste it ("857 4606 5432", an invite link), or undefined. */
  async meetingNumberDigits(text: string): Promise<string | undefined> {
    await this.load();
    return meetingNumberDigits(text);
  }

  /**
   * What an error from the SDK's `join` means, and what to do about it. Given the report of the
   * signature joined with, it also says what that report found, ruled out, and left to check.
   */
  async explainJoinError(error: SdkJoinError, report?: InspectReport): Promise<JoinErrorExplanation> {
    await this.load();
    return explainJoinError(error, report);
  }
}
