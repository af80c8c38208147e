//! The HMAC key as jsrsasign's `KJUR.crypto.Mac.setPassword` makes it from a string or a key
//! object, and jsrsasign's lenient base64 decoders. Hand-written: no crate decodes base64 the way
//! jsrsasign (and Node's `Buffer`) forgive it.

use super::{KeyArg, KeyMember, KjurError, SecretWarning};

/// The HMAC key bytes, as jsrsasign's `KJUR.crypto.Mac.setPassword` makes them.
pub fn mac_key(key: &KeyArg) -> Result<(Vec<u8>, Option<SecretWarning>), KjurError> {
    match key {
        KeyArg::Undefined => Err(KjurError::KeyMissing { got: "undefined" }),
        KeyArg::Null => Err(KjurError::KeyMissing { got: "null" }),
        KeyArg::Other(got) => Err(KjurError::KeyType { got: got.clone() }),
        KeyArg::Text(units) => {
            if let Some(bytes) = hex_decode(units) {
                Ok((bytes, Some(SecretWarning::HexDecoded)))
            } else {
                let warning = units
                    .iter()
                    .any(|&unit| unit > 0x7f)
                    .then_some(SecretWarning::NotAscii);
                Ok((low_bytes(units), warning))
            }
        }
        KeyArg::Object(object) => {
            let mut bytes = None;
            if let Some(hex) = member_text(&object.hex, "hex")? {
                bytes = Some(hex_decode(hex).ok_or(KjurError::KeyBadHex)?);
            }
            if let Some(text) = member_text(&object.utf8, "utf8")? {
                let text: String = char::decode_utf16(text.iter().copied())
                    .collect::<Result<_, _>>()
                    .map_err(|_| KjurError::KeyLoneSurrogate)?;
                bytes = Some(text.into_bytes());
            }
            if let Some(text) = member_text(&object.rstr, "rstr")? {
                bytes = Some(low_bytes(text));
            }
            if let Some(text) = member_text(&object.b64, "b64")? {
                bytes = Some(jsrsasign_base64_decode(text, false));
            }
            if let Some(text) = member_text(&object.b64u, "b64u")? {
                bytes = Some(jsrsasign_base64_decode(text, true));
            }
            Ok((bytes.ok_or(KjurError::KeyNoForm)?, None))
        }
    }
}

fn member_text<'a>(
    member: &'a KeyMember,
    name: &'static str,
) -> Result<Option<&'a [u16]>, KjurError> {
    match member {
        KeyMember::Absent => Ok(None),
        KeyMember::Text(units) => Ok(Some(units)),
        KeyMember::Other(got) => Err(KjurError::KeyMemberType {
            member: name,
            got: got.clone(),
        }),
    }
}

/// The bytes of a non-empty, even-length all-hex string (`/^[0-9A-Fa-f]+$/`), else `None`:
/// jsrsasign's reading of a plain string key.
pub(crate) fn hex_decode(units: &[u16]) -> Option<Vec<u8>> {
    if units.is_empty() || units.len() % 2 != 0 {
        return None;
    }
    let nibble = |unit: u16| char::from_u32(u32::from(unit))?.to_digit(16);
    units
        .chunks_exact(2)
        .map(|pair| match pair {
            [high, low] => Some((nibble(*high)? * 16 + nibble(*low)?) as u8),
            _ => None,
        })
        .collect()
}

/// jsrsasign's `rstrtohex`: the low byte of each UTF-16 code unit.
fn low_bytes(units: &[u16]) -> Vec<u8> {
    units.iter().map(|&unit| (unit & 0xff) as u8).collect()
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_value(unit: u16) -> Option<u8> {
    let byte = u8::try_from(unit).ok()?;
    BASE64_ALPHABET
        .iter()
        .position(|&c| c == byte)
        .and_then(|at| u8::try_from(at).ok())
}

/// jsrsasign's `b64tohex` (and `b64utohex` with `url`): skips characters outside the alphabet,
/// stops at the first `=`, and turns a lone last character into a byte of its own.
pub(super) fn jsrsasign_base64_decode(units: &[u16], url: bool) -> Vec<u8> {
    let mapped = units.iter().map(|&unit| match (url, unit) {
        (true, 0x2d) => u16::from(b'+'),
        (true, 0x5f) => u16::from(b'/'),
        _ => unit,
    });
    let values: Vec<u8> = mapped
        .take_while(|&unit| unit != u16::from(b'='))
        .filter_map(base64_value)
        .collect();
    let mut bytes = decode_groups(&values);
    if let [.., last] = values.as_slice() {
        if values.len() % 4 == 1 {
            bytes.push(((last >> 2) << 4) | ((last & 3) << 2));
        }
    }
    bytes
}

/// Node's `Buffer.from(text, 'base64')` after jsrsasign's `b64utob64`, for text of base64url
/// characters only: a lone last character is dropped.
pub(super) fn node_base64_decode(text: &str) -> Vec<u8> {
    let values: Vec<u8> = text
        .bytes()
        .map(|byte| match byte {
            b'-' => b'+',
            b'_' => b'/',
            other => other,
        })
        .filter_map(|byte| base64_value(u16::from(byte)))
        .collect();
    decode_groups(&values)
}

/// Standard base64 decoding of 6-bit values, ignoring the bits a short last group leaves over.
fn decode_groups(values: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(values.len() * 3 / 4);
    for group in values.chunks(4) {
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| group.get(i).copied());
        if let (Some(a), Some(b)) = (a, b) {
            bytes.push((a << 2) | (b >> 4));
            if let Some(c) = c {
                bytes.push((b << 4) | (c >> 2));
                if let Some(d) = d {
                    bytes.push((c << 6) | d);
                }
            }
        }
    }
    bytes
}
