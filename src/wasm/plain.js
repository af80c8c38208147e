// Copies a caller's object into plain data before serde-wasm-bindgen reads it. serde-wasm-bindgen
// reads values with calls that do not catch (Object.entries runs getters, Array.isArray throws for
// a revoked Proxy, `in` runs a Proxy's trap): an exception there would unwind through wasm and
// leak what its frames hold until the module dies. So every read of the caller's value happens
// here, where throwing is caught. Primitive members are kept as they are (and so keep their exact
// JavaScript type); any other member becomes a marker naming its kind (src/input.rs, KIND_MARKER).
const KIND = '\u0000kind';

function marker(kind) {
  const copy = Object.create(null);
  copy[KIND] = kind;
  return copy;
}

function plainMember(value) {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'object':
      if (value === null) return null;
      try {
        return marker(Array.isArray(value) ? 'array' : 'object');
      } catch {
        return marker('unreadable');
      }
    default:
      return marker(typeof value); // bigint, symbol, function
  }
}

/**
 * The own enumerable members of `object`, in order; or, given `names`, those members whether
 * enumerable or not (an Error's `message` is not). A member whose getter throws is left out
 * when it was asked for by name; otherwise the whole object is unreadable.
 */
export function plainMembers(object, names) {
  const copy = Object.create(null);
  if (names === undefined) {
    try {
      if (Array.isArray(object)) return marker('array');
      for (const [name, value] of Object.entries(object)) copy[name] = plainMember(value);
    } catch {
      return marker('unreadable');
    }
    return copy;
  }
  for (const name of names) {
    try {
      const value = object[name];
      if (value !== undefined) copy[name] = plainMember(value);
    } catch {
      // Unreadable members are absent ones.
    }
  }
  return copy;
}

/**
 * `value` copied plainly to `depth` levels of arrays and objects (their own enumerable members),
 * for a structure such as an inspectSignature report handed back. What cannot be read is marked
 * unreadable; deeper levels are marked by kind.
 */
export function plainValue(value, depth) {
  if (typeof value !== 'object' || value === null || depth <= 0) return plainMember(value);
  try {
    if (Array.isArray(value)) {
      const length = Math.min(value.length, 1000);
      const copy = [];
      for (let index = 0; index < length; index += 1) copy.push(plainValue(value[index], depth - 1));
      return copy;
    }
    const copy = Object.create(null);
    for (const [name, member] of Object.entries(value)) copy[name] = plainValue(member, depth - 1);
    return copy;
  } catch {
    return marker('unreadable');
  }
}
