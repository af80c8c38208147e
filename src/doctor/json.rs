//! The decoded header and payload, read with serde_json as JavaScript's `JSON.parse` reads them.
//! serde_json is built with `preserve_order` (members stay in document order; a repeated name
//! keeps its first place and its last value, as in `JSON.parse`) and `arbitrary_precision` (each
//! number keeps the text it was written as, which the checks read: `8.5746065432e10` is not a
//! meeting number of digits, and `1e400` is Infinity, not an error).

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A decoded JSON value.
pub type Json = Value;

/// Parses `text` as a JSON object; the error says, in a phrase, what it is instead.
pub fn parse_object(text: &str) -> Result<Json, String> {
    let text = lone_surrogates_replaced(text);
    match serde_json::from_str::<Value>(&text) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(other) => Err(format!("it is {}, not an object", kind(&other))),
        Err(problem) => Err(format!("it is not JSON ({problem})")),
    }
}

/// How a message names this kind of value.
pub fn kind(value: &Json) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A number's value, as JavaScript reads it, and the text it was written as.
pub fn number(value: &Json) -> Option<(f64, String)> {
    let Value::Number(number) = value else {
        return None;
    };
    let text = number.to_string();
    // serde_json only admits JSON's number grammar, which f64 parsing reads in full.
    let parsed = text.parse::<f64>().ok()?;
    Some((parsed, text))
}

/// `JSON.parse` takes `\ud800` and friends (JavaScript strings may hold lone surrogates); serde_json
/// refuses them, and a Rust string cannot hold one. They are read as U+FFFD, which is what the
/// text becomes in any UTF-8 string. Escapes are found by walking the string literals only.
fn lone_surrogates_replaced(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\u") {
        return text.into();
    }
    let bytes = text.as_bytes();
    let escape_at = |at: usize| -> Option<u16> {
        let hex = text.get(at + 2..at + 6)?;
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut copied, mut at) = (false, 0, 0);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                if let Some(unit) = escape_at(at) {
                    let paired = match unit {
                        0xd800..=0xdbff => {
                            escape_at(at + 6).is_some_and(|low| (0xdc00..=0xdfff).contains(&low))
                        }
                        0xdc00..=0xdfff => false,
                        _ => true,
                    };
                    if paired {
                        // A pair (both escapes) or a plain escape: keep as written.
                        at += if (0xd800..=0xdbff).contains(&unit) {
                            12
                        } else {
                            6
                        };
                    } else {
                        out.push_str(text.get(copied..at).unwrap_or_default());
                        out.push_str("\\ufffd");
                        at += 6;
                        copied = at;
                    }
                    continue;
                }
                at += 1; // the escaped character, whatever it is, is not a quote
            }
            _ => {}
        }
        at += 1;
    }
    if copied == 0 {
        return text.into();
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out.into()
}

/// A decoded part as a report shows it: numbers as the numbers JavaScript reads (serde_json's
/// exact-text numbers would otherwise go out as its private wrapper).
pub struct ForDisplay<'a>(pub &'a Json);

impl Serialize for ForDisplay<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(_) => match number(self.0) {
                // Whole numbers JavaScript holds exactly go out as integers, so JSON shows 5, not 5.0.
                Some((value, _)) if value.fract() == 0.0 && value.abs() < 9.0e15 => {
                    serializer.serialize_i64(value as i64)
                }
                Some((value, _)) => serializer.serialize_f64(value),
                None => serializer.serialize_unit(),
            },
            Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&ForDisplay(item))?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name, &ForDisplay(value))?;
                }
                map.end()
            }
        }
    }
}

/// Replaces `text` with `with` in every string value.
pub fn redact(value: &mut Json, text: &str, with: &str) {
    match value {
        Value::String(string) if string.contains(text) => *string = string.replace(text, with),
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, text, with)),
        Value::Object(members) => members
            .values_mut()
            .for_each(|item| redact(item, text, with)),
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_parse_reads() {
        let value =
            parse_object(r#" {"a":1,"b":[true,false,null],"c":"x\"\u00e9\ud83d\ude00","a":2.50} "#)
                .expect("valid");
        assert_eq!(number(&value["a"]), Some((2.5, "2.50".into())));
        assert_eq!(value["c"].as_str(), Some("x\"é😀"));
        // Member order as written; a repeated member keeps its first place, its last value.
        let names: Vec<&String> = value
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        assert_eq!(names, ["a", "b", "c"]);
        let lone = parse_object(r#"{"k":"a\ud800b","l":"\\ud800","m":"\udc00"}"#).expect("valid");
        assert_eq!(lone["k"].as_str(), Some("a\u{FFFD}b"));
        assert_eq!(lone["l"].as_str(), Some("\\ud800"));
        assert_eq!(lone["m"].as_str(), Some("\u{FFFD}"));
        let far = parse_object(r#"{"iat":1e400}"#).expect("valid");
        assert_eq!(number(&far["iat"]).map(|(v, _)| v), Some(f64::INFINITY));
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
            assert!(parse_object(text).is_err(), "{text:?}");
        }
        assert!(parse_object(&"[".repeat(100)).is_err());
        assert_eq!(
            parse_object("[1,2]"),
            Err("it is an array, not an object".into())
        );
    }
}
