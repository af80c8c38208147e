// Single reads of a caller's value, for the exports that read their arguments call by call (the
// KJUR drop-in: src/wasm/kjur.rs says why). Each returns [true, result], or [false, what the
// caller's code threw], and never throws itself: an exception that passes into wasm through an
// import leaves a slot of wasm-bindgen's table behind, one per call, until the module dies.

function attempt(read) {
  try {
    return [true, read()];
  } catch (error) {
    return [false, thrownText(error)];
  }
}

/** What a thrown value says: its `message`, or itself when it is a string; else undefined. */
function thrownText(error) {
  try {
    const message = typeof error === 'object' && error !== null ? error.message : error;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined; // a revoked Proxy can be thrown too
  }
}

export function readMember(object, name) {
  return attempt(() => object[name]);
}

export function writeMember(object, name, value) {
  return attempt(() => Reflect.set(object, name, value));
}

export function arrayOrNot(value) {
  return attempt(() => Array.isArray(value));
}

export function stringified(value) {
  return attempt(() => JSON.stringify(value));
}

/** `Array.prototype.join.call(list, separator)`: each item's own toString may throw. */
export function joined(list, separator) {
  return attempt(() => Array.prototype.join.call(list, separator));
}

/** The property key JavaScript converts `value` to, by using it as one (a symbol gives none). */
export function propertyKey(value) {
  return attempt(() => {
    const holder = {};
    holder[value] = true;
    return Object.keys(holder)[0];
  });
}

/** console.warn, which a page may have replaced with something that throws. */
export function warn(message) {
  return attempt(() => console.warn(message));
}
