// Every way a page can sign the same Zoom payload, loaded from this server. Each entry gives the
// files a page must load (for the size table) and a loader returning an async `sign()` maker.
// Shared by the steady-state page and the cold-start page.

export const KEY = 'abcdEFGHijklMNOPqrst12';
export const SECRET = 'fakeClientSecretForTesting0123456';
export const IAT = 1764201600;
export const MEETING = '85746065432';
export const HEADER = { alg: 'HS256', typ: 'JWT' };
export const PAYLOAD = {
  appKey: KEY, sdkKey: KEY, mn: MEETING, role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200,
};

function loadClassic(url) {
  return new Promise((loaded, failed) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = loaded;
    script.onerror = () => failed(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

// Both jsrsasign builds declare a global `var KJUR` (which cannot be deleted, and which the
// second build would extend): each loads in its own same-origin frame.
function loadJsrsasign(url) {
  return new Promise((loaded, failed) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.srcdoc = `<script src="${url}"></script>`;
    frame.onload = () => (frame.contentWindow.KJUR ? loaded(frame.contentWindow.KJUR) : failed(new Error(`no KJUR from ${url}`)));
    document.body.append(frame);
  });
}

function jsrsasignSigner(KJUR) {
  const header = JSON.stringify(HEADER);
  return () => KJUR.jws.JWS.sign('HS256', header, JSON.stringify(PAYLOAD), SECRET);
}

const encoder = new TextEncoder();
function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** generateSignature from one of zoomsig's ES modules, loaded and initialised. */
async function generateSignatureFrom(path) {
  const zoomsig = await import(path);
  await zoomsig.default();
  const options = { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 0, iat: IAT };
  return { sync: true, sign: () => zoomsig.generateSignature(options) };
}

export const ALTERNATIVES = {
  zoomsig: {
    label: 'zoomsig generateSignature',
    files: ['pkg/zoomsig.js', 'pkg/zoomsig_bg.wasm'],
    load: () => generateSignatureFrom('/pkg/zoomsig.js'),
  },
  zoomsigSigner: {
    label: 'zoomsig signer-only module',
    files: ['pkg/signer/zoomsig_signer.js', 'pkg/signer/zoomsig_signer_bg.wasm'],
    load: () => generateSignatureFrom('/pkg/signer/zoomsig_signer.js'),
  },
  zoomsigKjur: {
    label: 'zoomsig KJUR drop-in',
    files: ['pkg/zoomsig.js', 'pkg/zoomsig_bg.wasm'],
    async load() {
      const zoomsig = await import('/pkg/zoomsig.js');
      await zoomsig.default();
      if (!zoomsig.KJUR) return null;
      return { sync: true, sign: jsrsasignSigner(zoomsig.KJUR) };
    },
  },
  jsrsasignAll: {
    label: 'jsrsasign (jsrsasign-all-min.js)',
    files: ['node_modules/jsrsasign/lib/jsrsasign-all-min.js'],
    async load() {
      return { sync: true, sign: jsrsasignSigner(await loadJsrsasign('/bench/vendor/jsrsasign-all-min.js')) };
    },
  },
  jsrsasignHs: {
    label: 'jsrsasign HS-only (jsrsasign-jwths-min.js)',
    files: ['node_modules/jsrsasign/lib/jsrsasign-jwths-min.js'],
    async load() {
      return { sync: true, sign: jsrsasignSigner(await loadJsrsasign('/bench/vendor/jsrsasign-jwths-min.js')) };
    },
  },
  jose: {
    label: 'jose SignJWT (async)',
    files: ['bench/build/jose-sign.js'],
    async load() {
      const { SignJWT } = await import('/bench/build/jose-sign.js');
      const key = encoder.encode(SECRET);
      return {
        sync: false,
        sign: () => new SignJWT(PAYLOAD).setProtectedHeader(HEADER).sign(key),
      };
    },
  },
  subtle: {
    label: 'crypto.subtle HMAC by hand (async)',
    files: [],
    async load() {
      const key = await crypto.subtle.importKey('raw', encoder.encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const header = base64url(encoder.encode(JSON.stringify(HEADER)));
      return {
        sync: false,
        async sign() {
          const input = `${header}.${base64url(encoder.encode(JSON.stringify(PAYLOAD)))}`;
          const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(input));
          return `${input}.${base64url(new Uint8Array(mac))}`;
        },
      };
    },
  },
};
