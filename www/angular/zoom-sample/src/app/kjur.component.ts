// A page written as the founding story's was: an Angular component that signs with KJUR, the
// payload built by hand. The README's recipe changes only the import (`from 'jsrsasign'` to
// `from 'zoomsig'`) and loads the wasm first. For local testing only: the secret is in the page.
import { Component, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ZoomMtg } from '@zoom/meetingsdk';
import init, { KJUR } from 'zoomsig';

@Component({
  selector: 'app-root',
  imports: [FormsModule],
  templateUrl: './app.component.html',
})
export class KjurComponent {
  meetingNumber = '123456789';
  passWord = '';
  role = 0;
  userName = 'Angular';
  userEmail = '';
  leaveUrl = location.origin;
  sdkKey = '';
  sdkSecret = '';

  protected readonly status = signal('');

  constructor() {
    ZoomMtg.setZoomJSLib(`${location.origin}/zoom-4.1.0/lib`, '/av');
    ZoomMtg.preLoadWasm();
    ZoomMtg.prepareWebSDK();
  }

  async getSignature() {
    await init({ module_or_path: 'wasm/zoomsig_bg.wasm' });
    const iat = Math.round(new Date().getTime() / 1000) - 60;
    const exp = iat + 60 * 60 * 2;
    const oHeader = { alg: 'HS256', typ: 'JWT' };
    const oPayload = {
      sdkKey: this.sdkKey,
      mn: this.meetingNumber,
      role: this.role,
      iat: iat,
      exp: exp,
      appKey: this.sdkKey,
      tokenExp: exp,
    };
    const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), this.sdkSecret);
    this.startMeeting(signature);
  }

  startMeeting(signature: string) {
    document.getElementById('zmmtg-root')!.style.display = 'block';
    ZoomMtg.init({
      leaveUrl: this.leaveUrl,
      patchJsMedia: true,
      disableCORP: !window.crossOriginIsolated,
      success: () => {
        ZoomMtg.join({
          signature,
          meetingNumber: this.meetingNumber,
          passWord: this.passWord,
          userName: this.userName,
          userEmail: this.userEmail,
          success: () => this.status.set('joined'),
          error: (error: { errorCode?: number }) => this.status.set(`join failed: ${error.errorCode}`),
        });
      },
      error: (error: unknown) => this.status.set(`init failed: ${JSON.stringify(error)}`),
    });
  }
}
