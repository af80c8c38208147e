// An app of ours in the shape of Zoom's Angular sample (Client View, class fields with plain
// initial values), with the README's recipe applied: the `.subscribe` to the auth endpoint in
// getSignature() replaced by zoomsig. For local testing only: the secret is typed into the page.
import { Component, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ZoomMtg } from '@zoom/meetingsdk';
import init, { generateSignature } from 'zoomsig';

@Component({
  selector: 'app-root',
  imports: [FormsModule],
  templateUrl: './app.component.html',
})
export class AppComponent {
  meetingNumber = '123456789';
  passWord = '';
  role = 0;
  userName = 'Angular';
  userEmail = '';
  registrantToken = '';
  zakToken = '';
  leaveUrl = location.origin;
  sdkKey = '';
  sdkSecret = '';

  protected readonly status = signal('');

  constructor() {
    // Zoom's files from this server (the npm package, 4.1.0), where the sample loads them from source.zoom.us.
    ZoomMtg.setZoomJSLib(`${location.origin}/zoom-4.1.0/lib`, '/av');
    ZoomMtg.preLoadWasm();
    ZoomMtg.prepareWebSDK();
  }

  getSignature() {
    init({ module_or_path: 'wasm/zoomsig_bg.wasm' }).then(() => {
      this.startMeeting(generateSignature({
        sdkKey: this.sdkKey,
        sdkSecret: this.sdkSecret,
        meetingNumber: this.meetingNumber,
        role: this.role,
        videoWebRtcMode: 1,
      }));
    }).catch((error: Error & { code?: string }) => this.status.set(`${error.code}: ${error.message}`));
  }

  startMeeting(signature: string) {
    document.getElementById('zmmtg-root')!.style.display = 'block';
    ZoomMtg.init({
      leaveUrl: this.leaveUrl,
      patchJsMedia: true,
      leaveOnPageUnload: true,
      disableCORP: !window.crossOriginIsolated,
      success: () => {
        ZoomMtg.join({
          signature,
          meetingNumber: this.meetingNumber,
          passWord: this.passWord,
          userName: this.userName,
          userEmail: this.userEmail,
          tk: this.registrantToken,
          zak: this.zakToken,
          success: () => this.status.set('joined'),
          error: (error: { errorCode?: number }) => this.status.set(`join failed: ${error.errorCode}`),
        });
      },
      error: (error: unknown) => this.status.set(`init failed: ${JSON.stringify(error)}`),
    });
  }
}
