//! String literals as JavaScript's `JSON.stringify` writes them, for headers jsrsasign rewrites.
//! Hand-written: the strings are UTF-16 and may hold lone surrogates, which `JSON.stringify`
//! writes as `\udxxx` and no Rust JSON library can hold.

/// Appends what goes between the quotes of a JSON string literal: `"` and `\` escaped, the short
/// escapes for backspace, form feed, newline, carriage return and tab, `\u00xx` (lower-case hex)
/// for the other control characters, everything else as is.
pub fn push_escaped(out: &mut String, value: &str) {
    // Only ASCII bytes are ever escaped, so every split point is a character boundary.
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
    out.push_str(&format!("\\u{unit:04x}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(value: &str) -> String {
        let mut out = String::from("\"");
        push_escaped(&mut out, value);
        out.push('"');
        out
    }

    #[test]
    fn escapes_like_json_stringify() {
        // Expected spellings are those of JSON.stringify (ECMA-262, QuoteJSONString), which
        // serde_json shares for strings without lone surrogates.
        for text in [
            "a\"b\\c",
            "\u{8}\u{c}\n\r\t",
            "\u{0}\u{1f}\u{7f}",
            "/ é 会 \u{2028}",
        ] {
            assert_eq!(
                string(text),
                serde_json::to_string(text).expect("JSON"),
                "{text:?}"
            );
        }
        let mut lone = String::new();
        push_unicode_escape(&mut lone, 0xd800);
        assert_eq!(lone, "\\ud800");
    }
}
