// Loads Zoom's Meeting SDK from this server (the pinned npm packages: 6.2.0 at /zoom/, 4.1.0 at
// /zoom-4.1.0/) and joins with it, in either view. Every join settles: the SDK's own answer, or a
// timeout, since the Client View never calls back on some bad signatures.

/** The version of @zoom/meetingsdk that package.json pins and /zoom/ serves: the default. */
export const SDK_VERSION = '6.2.0';

/**
 * Where this server serves each Meeting SDK version package.json pins. 4.1.0 is the version Zoom's
 * Angular sample pins; both its views send the signature by a JSONP GET, where 6.2.0 POSTs it.
 */
export const SDK_PATHS = {
  [SDK_VERSION]: '/zoom',
  '4.1.0': '/zoom-4.1.0',
};

/** `version` when this server serves it, else the default. */
export function servedVersion(version) {
  return Object.hasOwn(SDK_PATHS, version) ? version : SDK_VERSION;
}

function sdkFolder(version) {
  return `${location.origin}${SDK_PATHS[version]}`;
}

/** The scripts of a view, in load order: the SDK's vendor globals first, then its standalone build. */
function viewScripts(view, version) {
  const folder = sdkFolder(version);
  const vendor = (names) => names.map((name) => `${folder}/lib/vendor/${name}`);
  if (view === 'component') {
    return [...vendor(['react.min.js', 'react-dom.min.js']), `${folder}/zoom-meeting-embedded-ES5.min.js`];
  }
  return [...vendor(['react.min.js', 'react-dom.min.js', 'redux.min.js', 'redux-thunk.min.js', 'lodash.min.js']),
    `${folder}/zoom-meeting-${version}.min.js`];
}

/**
 * Loads each script once, in order. A script that fails to load is removed, so that the next join
 * loads it again, and the promise rejects with a `NotLoaded` naming it.
 */
export function loadScripts(urls) {
  return urls.reduce((previous, url) => previous.then(() => new Promise((loaded, failed) => {
    if (document.querySelector(`script[src="${url}"]`)) return loaded();
    const script = document.createElement('script');
    script.src = url;
    script.onload = loaded;
    script.onerror = () => {
      script.remove();
      failed(new NotLoaded(url));
    };
    document.head.append(script);
  })), Promise.resolve());
}

/**
 * Runs `work` with `buttons` (the form's submit buttons) disabled: one join at a time, since the SDK
 * sends a second join's request while the first is pending. What `work` throws goes to `failed`.
 */
export function oneJoinAtATime(buttons, work, failed) {
  for (const button of buttons) button.disabled = true;
  return work().catch(failed).finally(() => {
    for (const button of buttons) button.disabled = false;
  });
}

/** A script of the SDK that did not load: the join never reached the SDK. */
export class NotLoaded extends Error {
  constructor(url) {
    super(`could not load ${url}`);
    this.url = url;
  }
}

/** A failed join as the page shows it: an SDK that did not load is not an SDK error. */
export function failedJoin(error) {
  return error instanceof NotLoaded ? { ok: false, notLoaded: error.url } : { ok: false, error };
}

/**
 * Settles with `{ ok: true }`, `{ ok: false, error }`, `{ ok: false, notLoaded: url }` or
 * `{ ok: false, timedOut: true }`.
 */
export function withTimeout(promise, milliseconds) {
  let timer;
  const timeout = new Promise((settle) => {
    timer = setTimeout(() => settle({ ok: false, timedOut: true }), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Component View: ZoomMtgEmbedded.createClient(), init with local assets, join. */
export async function joinComponentView(root, join, timeoutMs, version = SDK_VERSION) {
  const attempt = (async () => {
    await loadScripts(viewScripts('component', version));
    const client = window.ZoomMtgEmbedded.createClient();
    await client.init({
      zoomAppRoot: root,
      language: 'en-US',
      assetPath: `${sdkFolder(version)}/lib/av`,
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
  })().catch(failedJoin);
  return withTimeout(attempt, timeoutMs);
}

/** Client View: ZoomMtg.init then ZoomMtg.join, as Zoom's CDN sample does. */
export async function joinClientView(join, timeoutMs, leaveUrl = location.href, version = SDK_VERSION) {
  try {
    await loadScripts(viewScripts('client', version));
  } catch (error) {
    return failedJoin(error);
  }
  const { ZoomMtg } = window;
  ZoomMtg.setZoomJSLib(`${sdkFolder(version)}/lib`, '/av');
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
