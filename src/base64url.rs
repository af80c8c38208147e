//! base64url without padding (RFC 4648, section 5), the encoding of every JWS segment. Written here
//! rather than taken from the `base64` crate, whose general-purpose engine was 3 KB of the
//! signer-only wasm for what these few lines do.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends `bytes` encoded, without padding, as bytes: a token is built as bytes and checked as
/// UTF-8 once (pushing `char`s one at a time made signing a third slower in wasm).
pub fn encode_into(bytes: &[u8], out: &mut Vec<u8>) {
    // Masked to 0..64, so the lookup cannot fail; `get` would add a branch per symbol.
    #[allow(clippy::indexing_slicing)]
    let symbol = |bits: u32| ALPHABET[(bits & 63) as usize];
    let start = out.len();
    out.resize(start + (bytes.len() * 4).div_ceil(3), 0);
    let Some(slots) = out.get_mut(start..) else {
        return;
    };
    // Whole groups written in place: no capacity check or copy call per symbol.
    let mut slot_groups = slots.chunks_mut(4);
    for (chunk, slot) in bytes.chunks(3).zip(&mut slot_groups) {
        let group = match *chunk {
            [a, b, c] => u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c),
            [a, b] => u32::from(a) << 16 | u32::from(b) << 8,
            [a] => u32::from(a) << 16,
            _ => 0,
        };
        let symbols = [
            symbol(group >> 18),
            symbol(group >> 12),
            symbol(group >> 6),
            symbol(group),
        ];
        for (place, value) in slot.iter_mut().zip(symbols) {
            *place = value;
        }
    }
}

/// `bytes` encoded, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    encode_into(bytes, &mut out);
    String::from_utf8(out).expect("base64url symbols are ASCII")
}

/// Decodes unpadded base64url strictly: only the 64 symbols, no `=`, no length of 4n + 1, and
/// the unused low bits of a last partial group must be zero (so each byte string has exactly one
/// spelling). `None` for anything else.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let value = |symbol: u8| -> Option<u32> {
        Some(u32::from(match symbol {
            b'A'..=b'Z' => symbol - b'A',
            b'a'..=b'z' => symbol - b'a' + 26,
            b'0'..=b'9' => symbol - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        }))
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut chunks = text.chunks_exact(4);
    for chunk in &mut chunks {
        let group = chunk
            .iter()
            .try_fold(0u32, |group, &s| Some(group << 6 | value(s)?))?;
        let [_, x, y, z] = group.to_be_bytes();
        out.extend_from_slice(&[x, y, z]);
    }
    match *chunks.remainder() {
        [] => {}
        [a, b] => {
            let group = value(a)? << 6 | value(b)?;
            if group & 0xf != 0 {
                return None;
            }
            out.push((group >> 4) as u8);
        }
        [a, b, c] => {
            let group = value(a)? << 12 | value(b)? << 6 | value(c)?;
            if group & 0x3 != 0 {
                return None;
            }
            out.extend_from_slice(&((group >> 2) as u16).to_be_bytes());
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    #[test]
    fn rfc_4648_vectors() {
        // Section 10, with the padding removed (the alphabets agree on these).
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(
                decode(encoded.as_bytes()).as_deref(),
                Some(plain.as_bytes())
            );
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
    }

    /// The `base64` crate (a dev-dependency) is the independent reference, on every byte length
    /// up to 70 and on text that is mostly, but not always, valid base64url.
    #[test]
    fn agrees_with_the_base64_crate() {
        let mut next = crate::test_random::xorshift(0x0123_4567_89ab_cdef);
        for length in 0..70 {
            for _ in 0..40 {
                let bytes: Vec<u8> = (0..length).map(|_| next() as u8).collect();
                assert_eq!(encode(&bytes), URL_SAFE_NO_PAD.encode(&bytes));
            }
        }
        let symbols = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= .";
        for _ in 0..50_000 {
            let length = (next() % 12) as usize;
            let text: Vec<u8> = (0..length)
                .map(|_| {
                    let pick = next() as usize % if next() % 8 == 0 { symbols.len() } else { 64 };
                    symbols.get(pick).copied().unwrap_or(b'A')
                })
                .collect();
            assert_eq!(
                decode(&text),
                URL_SAFE_NO_PAD.decode(&text).ok(),
                "{}",
                String::from_utf8_lossy(&text)
            );
        }
    }
}
