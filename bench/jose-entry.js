// What a page needs from jose to sign a Zoom signature: bundled alone, so its size is fair.
export { SignJWT } from 'jose';
