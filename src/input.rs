//! A JavaScript value as the core sees it: what the checks need to know of it (its exact kind, a
//! string's text, an object's own members in order) and nothing that needs JavaScript to read.
//! The wasm boundary describes each value it is given this way; native tests build them directly.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JavaScript value as far as the checks need to know it.
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    /// `undefined` (or a missing property).
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any JS number, including NaN and the infinities.
    Number(f64),
    /// A string.
    String(String),
    /// An array, with its items when they were read (they are not, for an option's value).
    Array(Vec<InputValue>),
    /// A plain object with its own enumerable properties, in order.
    Object(Vec<(String, InputValue)>),
    /// An object whose properties could not be read: a getter or proxy trap threw.
    Unreadable,
    /// Anything else, named by its `typeof` (`bigint`, `symbol`, `function`).
    Other(String),
}

impl InputValue {
    /// How a message names this kind of value.
    pub fn describe(&self) -> String {
        match self {
            Self::Undefined => "undefined".into(),
            Self::Null => "null".into(),
            Self::Bool(_) => "a boolean".into(),
            Self::Number(_) => "a number".into(),
            Self::String(_) => "a string".into(),
            Self::Array(_) => "an array".into(),
            Self::Object(_) => "an object".into(),
            Self::Unreadable => {
                "an object whose properties could not be read (a getter threw)".into()
            }
            Self::Other(kind) if kind.starts_with(['a', 'e', 'i', 'o', 'u']) => {
                format!("an {kind}")
            }
            Self::Other(kind) => format!("a {kind}"),
        }
    }

    /// `null` or `undefined`: what options treat as not given.
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Undefined | Self::Null)
    }
}

/// The one member of an object that stands for a value a reader could only name: `{ [KIND_MARKER]:
/// "symbol" }` is a symbol, and likewise `"bigint"`, `"function"`, `"array"`, `"object"` (members
/// not read) and `"unreadable"` (a getter or trap threw). The wasm boundary copies a caller's
/// object into plain data this way before serde reads it.
pub const KIND_MARKER: &str = "\u{0}kind";

impl<'de> Deserialize<'de> for InputValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = InputValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JavaScript value")
    }

    // serde's data model has one "nothing"; JavaScript has two, and options treat both as absent.
    fn visit_unit<E: de::Error>(self) -> Result<InputValue, E> {
        Ok(InputValue::Undefined)
    }

    fn visit_none<E: de::Error>(self) -> Result<InputValue, E> {
        Ok(InputValue::Undefined)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<InputValue, E> {
        Ok(InputValue::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<InputValue, E> {
        Ok(InputValue::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<InputValue, E> {
        Ok(InputValue::Number(value as f64))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<InputValue, E> {
        Ok(InputValue::Number(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<InputValue, E> {
        Ok(InputValue::String(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<InputValue, E> {
        Ok(InputValue::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<InputValue, A::Error> {
        let mut read = Vec::new();
        while let Some(item) = items.next_element()? {
            read.push(item);
        }
        Ok(InputValue::Array(read))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputValue, A::Error> {
        let mut members = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if name == KIND_MARKER {
                let kind: String = map.next_value()?;
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                return Ok(match kind.as_str() {
                    "array" => InputValue::Array(Vec::new()),
                    "object" => InputValue::Object(Vec::new()),
                    "unreadable" => InputValue::Unreadable,
                    _ => InputValue::Other(kind),
                });
            }
            members.push((name, map.next_value()?));
        }
        Ok(InputValue::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_data_and_kind_markers() {
        // Numbers through serde's own deserializers: serde_json (built with arbitrary_precision
        // here) hands numbers over as a private map.
        let number = |n: f64| {
            InputValue::deserialize(de::value::F64Deserializer::<de::value::Error>::new(n))
        };
        assert_eq!(number(1.5), Ok(InputValue::Number(1.5)));
        let read = |json: &str| serde_json::from_str::<InputValue>(json).expect("JSON");
        assert_eq!(
            read(r#"{"a":"x","c":null,"d":["y"],"e":{"f":true}}"#),
            InputValue::Object(vec![
                ("a".into(), InputValue::String("x".into())),
                ("c".into(), InputValue::Undefined),
                (
                    "d".into(),
                    InputValue::Array(vec![InputValue::String("y".into())])
                ),
                (
                    "e".into(),
                    InputValue::Object(vec![("f".into(), InputValue::Bool(true))])
                ),
            ])
        );
        assert_eq!(
            read(r#"{"\u0000kind":"symbol"}"#),
            InputValue::Other("symbol".into())
        );
        assert_eq!(
            read(r#"{"\u0000kind":"unreadable"}"#),
            InputValue::Unreadable
        );
        assert_eq!(InputValue::Other("symbol".into()).describe(), "a symbol");
        assert_eq!(InputValue::Other("object".into()).describe(), "an object");
    }
}
