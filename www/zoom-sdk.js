// Loads Zoom's Meeting SDK 6.2.0 from this server (/zoom/, the pinned npm package) and joins with
// it, in either view. Every join settles: the SDK's own answer, or a timeout, since the Client View
// never calls back on some bad signatures.

/** The version of @zoom/meetingsdk that package.json pins and /zoom/ serves. */
export const SDK_VERSION = '6.2.0';

const ZOOM = `${location.origin}/zoom`;
const VENDOR = ['react.min.js', 'react-dom.min.js'].map((f) => `${ZOOM}/lib/vendor/${f}`);
const CLIENT_VENDOR = ['redux.min.js', 'redux-thunk.min.js', 'lodash.min.js'].map((f) => `${ZOOM}/lib/vendor/${f}`);

export const COMPONENT_VIEW_SCRIPTS = [...VENDOR, `${ZOOM}/zoom-meeting-embedded-ES5.min.js`];
export const CLIENT_VIEW_SCRIPTS = [...VENDOR, ...CLIENT_VENDOR, `${ZOOM}/zoom-meeting-${SDK_VERSION}.min.js`];

export function loadScripts(urls) {
  return urls.reduce((previous, url) => previous.then(() => new Promise((loaded, failed) => {
    if (document.querySelector(`script[src="${url}"]`)) return loaded();
    const script = document.createElement('script');
    script.src = url;
    script.onload = loaded;
    script.onerror = () => failed(new Error(`could not load ${url}`));
    document.head.append(script);
  })), Promise.resolve());
}

/** Settles with `{ ok: true }`, `{ ok: false, error }` or `{ ok: false, timedOut: true }`. */
export function withTimeout(promise, milliseconds) {
  let timer;
  const timeout = new Promise((settle) => {
    timer = setTimeout(() => settle({ ok: false, timedOut: true }), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Component View: ZoomMtgEmbedded.createClient(), init with local assets, join. */
export async function joinComponentView(root, join, timeoutMs) {
  await loadScripts(COMPONENT_VIEW_SCRIPTS);
  const client = window.ZoomMtgEmbedded.createClient();
  const attempt = (async () => {
    await client.init({
      zoomAppRoot: root,
      language: 'en-US',
      assetPath: `${ZOOM}/lib/av`,
      patchJsMedia: true,
      leaveOnPageUnload: true,
    });
    const options = {
      signature: join.signature,
      meetingNumber: join.meetingNumber,
      password: join.passcode,
      userName: join.userName,
      userEmail: join.userEmail,
    };
    if (join.zak) options.zak = join.zak;
    if (join.obfToken) options.obfToken = join.obfToken;
    await client.join(options);
    return { ok: true };
  })().catch((error) => ({ ok: false, error }));
  return withTimeout(attempt, timeoutMs);
}

/** Client View: ZoomMtg.init then ZoomMtg.join, as Zoom's CDN sample does. */
export async function joinClientView(join, timeoutMs, leaveUrl = location.href) {
  await loadScripts(CLIENT_VIEW_SCRIPTS);
  const { ZoomMtg } = window;
  ZoomMtg.setZoomJSLib(`${ZOOM}/lib`, '/av');
  ZoomMtg.preLoadWasm();
  ZoomMtg.prepareWebSDK();
  const attempt = new Promise((settle) => {
    ZoomMtg.init({
      leaveUrl,
      patchJsMedia: true,
      disableCORP: !window.crossOriginIsolated,
      success: () => {
        const options = {
          signature: join.signature,
          meetingNumber: join.meetingNumber,
          passWord: join.passcode,
          userName: join.userName,
          userEmail: join.userEmail,
          success: () => settle({ ok: true }),
          error: (error) => settle({ ok: false, error }),
        };
        if (join.zak) options.zak = join.zak;
        if (join.obfToken) options.obfToken = join.obfToken;
        ZoomMtg.join(options);
      },
      error: (error) => settle({ ok: false, error }),
    });
  });
  return withTimeout(attempt, timeoutMs);
}
