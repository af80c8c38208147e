//! Writes JSON text byte-for-byte as JavaScript's `JSON.stringify` does, for the few value kinds a
//! signature payload holds. Zoom's samples sign `JSON.stringify(payload)`, so matching its spelling
//! is what makes our tokens identical to theirs.

/// Appends `value` as a JSON string literal: `"` and `\` escaped, the short escapes for
/// backspace, form feed, newline, carriage return and tab, `\u00xx` (lower-case hex) for the other
/// control characters, everything else as is.
pub fn push_string(out: &mut String, value: &str) {
    out.push('"');
    push_escaped(out, value);
    out.push('"');
}

/// Appends what goes between the quotes of [`push_string`].
pub fn push_escaped(out: &mut String, value: &str) {
    // Copy runs of plain text whole: only ASCII bytes are ever escaped, so every split point is a
    // character boundary (per-char pushing was a tenth of the signing time in wasm).
    let mut plain_from = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(value.get(plain_from..at).unwrap_or_default());
        if escape.is_empty() {
            push_unicode_escape(out, u16::from(byte));
        } else {
            out.push_str(escape);
        }
        plain_from = at + 1;
    }
    out.push_str(value.get(plain_from..).unwrap_or_default());
}

/// Appends `\uxxxx` (lower-case hex, as `JSON.stringify` writes control characters and lone
/// surrogates) for one UTF-16 code unit.
pub fn push_unicode_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        let nibble = usize::from((unit >> shift) & 0xf);
        out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
    }
}

/// Appends an integer the way `JSON.stringify` writes a JavaScript number holding it (valid for
/// every integer a JavaScript number holds exactly, which is all a signature needs).
pub fn push_integer(out: &mut String, value: i64) {
    // By hand rather than through `core::fmt`, which was a tenth of the payload writing time.
    let mut digits = [0u8; 20];
    let mut rest = value.unsigned_abs();
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if value < 0 {
        out.push('-');
    }
    for &digit in digits.get(start..).unwrap_or_default() {
        out.push(char::from(digit));
    }
}

/// Appends `true` or `false`.
pub fn push_bool(out: &mut String, value: bool) {
    out.push_str(if value { "true" } else { "false" });
}

/// Appends the integer, or `null` for `None`.
pub fn push_optional_integer(out: &mut String, value: Option<i64>) {
    match value {
        Some(value) => push_integer(out, value),
        None => out.push_str("null"),
    }
}

/// Appends a JSON array, each item written by `push_item`.
pub fn push_array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut push_item: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_item(out, item);
    }
    out.push(']');
}

/// Appends `"key":` to an object being written, with the comma when it is not the first member.
pub fn push_key(out: &mut String, key: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    push_string(out, key);
    out.push(':');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(value: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, value);
        out
    }

    #[test]
    fn escapes_like_json_stringify() {
        // Expected spellings are those of JSON.stringify (ECMA-262, QuoteJSONString).
        assert_eq!(string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(string("\u{8}\u{c}\n\r\t"), r#""\b\f\n\r\t""#);
        assert_eq!(string("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(string("/ é 会 \u{2028}"), "\"/ é 会 \u{2028}\"");
    }

    #[test]
    fn writes_members_with_commas() {
        let mut out = String::from("{");
        push_key(&mut out, "a");
        push_integer(&mut out, -5);
        push_key(&mut out, "b");
        push_integer(&mut out, 9_007_199_254_740_991);
        out.push('}');
        assert_eq!(out, r#"{"a":-5,"b":9007199254740991}"#);
    }

    #[test]
    fn integers_match_the_standard_formatting() {
        // The standard library's `Display` is the independent spelling here.
        let mut values = vec![
            0,
            1,
            9,
            10,
            99,
            100,
            -1,
            -10,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ];
        let mut value: i64 = 7;
        while let Some(next) = value.checked_mul(3) {
            values.extend([value, -value, value - 1, value + 1]);
            value = next;
        }
        for value in values {
            let mut out = String::new();
            push_integer(&mut out, value);
            assert_eq!(out, value.to_string());
        }
    }
}
