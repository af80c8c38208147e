// The founding story's token: a JWT app's key and secret, the seed's payload order, iat a minute
// back, signed with the real jsrsasign as the page did. Everything offline passes; Zoom says 3712.
import jsrsasign from 'jsrsasign';

export const STORY_KEY = 'JwtAppApiKeyFromMarketplace';
export const STORY_SECRET = 'JwtAppApiSecretFromMarketplace00';
export const STORY_MEETING = '85746065432';

export function foundingStoryToken(now = Math.floor(Date.now() / 1000)) {
  const iat = now - 60;
  const payload = { sdkKey: STORY_KEY, mn: STORY_MEETING, role: 0, iat, exp: iat + 7200, appKey: STORY_KEY, tokenExp: iat + 7200 };
  return jsrsasign.KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), STORY_SECRET);
}

/** The causes of 3712 the founding story's report rules out (the six). */
export const STORY_RULED_OUT = ['SECRET_ENCODING', 'BASE64_FORM', 'HEADER', 'TIMES', 'MEETING_MISMATCH', 'APPKEY_MISSING'];
