// Zoom's Angular sample (Component View), with the signature made in the page by zoomsig instead
// of fetched from an auth endpoint. For local testing only: the secret is typed into the page.
import { Component, DOCUMENT, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { InspectReport, JoinErrorExplanation, SdkJoinError } from 'zoomsig';
import { ZOOM_CLIENT, ZOOM_SDK_VERSION, type ZoomClient } from './zoom-client';
import { ZoomSignatureService, isSignatureError } from './zoom-signature.service';

/** A refused option, as shown next to the form. */
export interface OptionProblem {
  code: string;
  field: string;
  message: string;
}

@Component({
  selector: 'app-root',
  imports: [ReactiveFormsModule],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  private readonly zoomSignature = inject(ZoomSignatureService);
  private readonly createClient = inject(ZOOM_CLIENT);
  private readonly document = inject(DOCUMENT);
  private readonly meetingSDKElement = viewChild.required<ElementRef<HTMLElement>>('meetingSDKElement');
  private client?: Promise<ZoomClient>;

  protected readonly form = inject(NonNullableFormBuilder).group({
    sdkKey: '',
    sdkSecret: '',
    meetingNumber: '',
    passWord: '',
    userName: 'Angular',
    role: 0 as 0 | 1,
  });

  protected readonly busy = signal(false);
  protected readonly signature = signal<string | null>(null);
  protected readonly inspection = signal<InspectReport | null>(null);
  protected readonly problem = signal<OptionProblem | null>(null);
  protected readonly joinError = signal<JoinErrorExplanation | null>(null);
  protected readonly joined = signal(false);
  /** Said when a pasted number or invite link was turned into the meeting number's digits. */
  protected readonly meetingNote = signal<string | null>(null);

  async getSignature(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.signature.set(null);
    this.inspection.set(null);
    this.joinError.set(null);
    try {
      await this.normaliseMeetingNumber();
      const { sdkKey, sdkSecret, meetingNumber, role } = this.form.getRawValue();
      // The sample's `this.httpClient.post(this.authEndpoint, { meetingNumber, role })`, in one line:
      const signature = await this.zoomSignature.generateSignature({ sdkKey, sdkSecret, meetingNumber, role });
      this.signature.set(signature);
      // Zoom only answers "Signature is invalid" (3712); say why before joining, against what join gets.
      const report = await this.zoomSignature.inspect(signature, {
        sdkKey,
        sdkSecret,
        meetingNumber,
        zak: '',
        sdkVersion: ZOOM_SDK_VERSION,
      });
      this.inspection.set(report);
      if (report.ok) await this.startMeeting(signature, report);
    } catch (error) {
      this.problem.set(
        isSignatureError(error)
          ? { code: error.code, field: error.field, message: error.message }
          : { code: 'ZOOMSIG_UNAVAILABLE', field: '', message: `zoomsig could not load: ${error}` },
      );
    } finally {
      this.busy.set(false);
    }
  }

  /** A pasted "857 4606 5432" or invite link becomes the digits, in the field, as the harness does. */
  private async normaliseMeetingNumber(): Promise<void> {
    const control = this.form.controls.meetingNumber;
    const typed = control.value.trim();
    const digits = await this.zoomSignature.meetingNumberDigits(typed);
    if (digits && digits !== typed) {
      control.setValue(digits);
      this.meetingNote.set(`Turned "${typed}" into the meeting number ${digits}.`);
    } else if (!this.meetingNote()?.endsWith(`meeting number ${typed}.`)) {
      this.meetingNote.set(null);
    }
  }

  async startMeeting(signature: string, report: InspectReport): Promise<void> {
    const { meetingNumber, passWord, userName } = this.form.getRawValue();
    try {
      this.client ??= this.initClient().catch((error: unknown) => {
        this.client = undefined;
        throw error;
      });
      const client = await this.client;
      await client.join({ signature, meetingNumber, password: passWord, userName });
      this.joined.set(true);
    } catch (error) {
      this.joinError.set(await this.zoomSignature.explainJoinError(asJoinError(error), report));
    }
  }

  protected invalid(field: string): boolean {
    return this.problem()?.field === field;
  }

  private async initClient(): Promise<ZoomClient> {
    const client = await this.createClient();
    await client.init({
      zoomAppRoot: this.meetingSDKElement().nativeElement,
      language: 'en-US',
      // angular.json copies the SDK's lib/av here: without it the SDK fetches it from Zoom's CDN.
      assetPath: new URL('zoom/av', this.document.baseURI).href,
      patchJsMedia: true,
    });
    return client;
  }
}

/** The SDK rejects with `{ type, reason, errorCode }` or a plain exception; both are explainable. */
function asJoinError(error: unknown): SdkJoinError {
  if (typeof error === 'number' || typeof error === 'string' || error instanceof Error) return error;
  if (typeof error === 'object' && error !== null) return error as SdkJoinError;
  return String(error);
}
