// A page written as the founding story's was: an Angular component that signs with KJUR, the
// payload built by hand. The README's recipe changes only the import (`from 'jsrsasign'` to
// `from 'zoomsig'`) and loads the wasm first. The fields and the join are the sample's
// (AppComponent's). For local testing only: the secret is in the page.
import { Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import init, { KJUR } from 'zoomsig';
import { AppComponent } from './app.component';

@Component({
  selector: 'app-root',
  imports: [FormsModule],
  templateUrl: './app.component.html',
})
export class KjurComponent extends AppComponent {
  override async getSignature() {
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
}
