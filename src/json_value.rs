//! A strict JSON reader (RFC 8259) for the header and payload of a token under inspection. It keeps
//! what a diagnosis needs and serde_json would hide: member order, duplicate names, and how each
//! number was written. Anything it accepts, JavaScript's `JSON.parse` accepts too.

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number: its value and the exact text it was written as.
    Number(f64, String),
    /// A string, with escapes decoded (a lone surrogate escape becomes U+FFFD).
    String(String),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object's members in document order, duplicates kept.
    Object(Vec<(String, JsonValue)>),
}

impl JsonValue {
    /// The member `name` of an object; the last one wins when repeated, as in `JSON.parse`.
    pub fn get(&self, name: &str) -> Option<&JsonValue> {
        match self {
            Self::Object(members) => members
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Replaces `text` with `with` in every string and member name; whether anything changed.
    pub fn redact(&mut self, text: &str, with: &str) -> bool {
        fn replace(string: &mut String, text: &str, with: &str) -> bool {
            let found = string.contains(text);
            if found {
                *string = string.replace(text, with);
            }
            found
        }
        match self {
            Self::String(string) => replace(string, text, with),
            Self::Array(items) => items
                .iter_mut()
                .fold(false, |changed, item| item.redact(text, with) | changed),
            Self::Object(members) => members.iter_mut().fold(false, |changed, (name, value)| {
                replace(name, text, with) | value.redact(text, with) | changed
            }),
            Self::Null | Self::Bool(_) | Self::Number(..) => false,
        }
    }

    /// Appends the value as compact JSON, each number as it was written.
    pub fn write(&self, out: &mut String) {
        use crate::json_text::{push_array, push_bool, push_key, push_string};
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(flag) => push_bool(out, *flag),
            Self::Number(_, text) => out.push_str(text),
            Self::String(string) => push_string(out, string),
            Self::Array(items) => push_array(out, items, |out, item| item.write(out)),
            Self::Object(members) => {
                out.push('{');
                for (name, value) in members {
                    push_key(out, name);
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// How a message names this kind of value.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(..) => "a number",
            Self::String(_) => "a string",
            Self::Array(_) => "an array",
            Self::Object(_) => "an object",
        }
    }
}

// Deeper nesting than any token needs; the limit keeps recursion bounded on hostile input.
const MAX_DEPTH: usize = 64;

/// Parses `text` as one JSON value with nothing but white space around it.
pub fn parse(text: &str) -> Result<JsonValue, String> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at != reader.bytes.len() {
        return Err(format!(
            "unexpected text after the JSON value at byte {}",
            reader.at
        ));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        self.at += usize::from(byte.is_some());
        byte
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.at))
    }

    fn literal(&mut self, word: &str, value: JsonValue) -> Result<JsonValue, String> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail("unexpected character")
        }
    }

    fn value(&mut self, depth: usize) -> Result<JsonValue, String> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(JsonValue::String),
            Some(b't') => self.literal("true", JsonValue::Bool(true)),
            Some(b'f') => self.literal("false", JsonValue::Bool(false)),
            Some(b'n') => self.literal("null", JsonValue::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("unexpected character"),
            None => self.fail("unexpected end"),
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return self.fail("expected a member name");
            }
            let name = self.string()?;
            self.skip_space();
            if self.next() != Some(b':') {
                return self.fail("expected ':'");
            }
            let value = self.value(depth + 1)?;
            members.push((name, value));
            self.skip_space();
            match self.next() {
                Some(b',') => continue,
                Some(b'}') => return Ok(JsonValue::Object(members)),
                _ => return self.fail("expected ',' or '}'"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<JsonValue, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.next() {
                Some(b',') => continue,
                Some(b']') => return Ok(JsonValue::Array(items)),
                _ => return self.fail("expected ',' or ']'"),
            }
        }
    }

    fn number(&mut self) -> Result<JsonValue, String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next() {
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail("bad number"),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("bad number");
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("bad number");
            }
            self.digits();
        }
        let text = self
            .bytes
            .get(start..self.at)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("0");
        // The grammar above only admits text that f64 parsing accepts.
        let value = crate::decimal::parse_f64(text).unwrap_or(f64::NAN);
        Ok(JsonValue::Number(value, text.to_string()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.next() {
                None => return self.fail("unterminated string"),
                Some(b'"') => break,
                Some(b'\\') => {
                    let decoded = match self.next() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return self.fail("bad escape"),
                    };
                    let mut buffer = [0u8; 4];
                    out.extend_from_slice(decoded.encode_utf8(&mut buffer).as_bytes());
                }
                Some(byte) if byte < 0x20 => return self.fail("control character in string"),
                Some(byte) => out.push(byte),
            }
        }
        // The input is a &str, and escapes were written as UTF-8, so this cannot fail.
        String::from_utf8(out).or_else(|_| self.fail("invalid UTF-8"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = match self.next() {
                Some(b) => (b as char).to_digit(16),
                None => None,
            };
            match digit {
                Some(d) => value = value * 16 + d,
                None => return self.fail("bad \\u escape"),
            }
        }
        Ok(value)
    }

    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first)
            && self.bytes.get(self.at..self.at + 2) == Some(b"\\u".as_slice())
        {
            let save = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.at = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_parse_reads() {
        let value =
            parse(r#" {"a":1,"b":[true,false,null],"c":"x\"\u00e9\ud83d\ude00","a":2.50} "#)
                .expect("valid");
        assert_eq!(value.get("a"), Some(&JsonValue::Number(2.5, "2.50".into())));
        assert_eq!(value.get("c").and_then(JsonValue::as_str), Some("x\"é😀"));
        assert_eq!(
            parse("-0.5e+3"),
            Ok(JsonValue::Number(-500.0, "-0.5e+3".into()))
        );
        assert_eq!(
            parse(r#""\ud800""#),
            Ok(JsonValue::String("\u{FFFD}".into()))
        );
    }

    #[test]
    fn refuses_what_json_parse_refuses() {
        for text in [
            "",
            "{",
            "{'a':1}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "NaN",
            "tru",
            "\"a\nb\"",
            "\"\\x\"",
            "{\"a\" 1}",
            "1 2",
            "\"\\u12\"",
            "{a:1}",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
        assert!(parse(&"[".repeat(100)).is_err());
    }
}
