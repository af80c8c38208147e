// The Component View client, created on first join: the SDK (3 MB with React) is its own lazy
// chunk, so it stays out of the initial bundle and out of unit tests, which fake this token.
import { InjectionToken } from '@angular/core';
import type ZoomMtgEmbedded from '@zoom/meetingsdk/embedded';

/** The @zoom/meetingsdk version package.json pins: what the inspection judges the signature for. */
export const ZOOM_SDK_VERSION = '6.2.0';

export type ZoomClient = ReturnType<typeof ZoomMtgEmbedded.createClient>;

export const ZOOM_CLIENT = new InjectionToken<() => Promise<ZoomClient>>('ZOOM_CLIENT', {
  providedIn: 'root',
  factory: () => async () => (await import('@zoom/meetingsdk/embedded')).default.createClient(),
});
