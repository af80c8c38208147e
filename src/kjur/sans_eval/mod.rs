//! jsrsasign's bundled json-sans-eval parser and the JavaScript values it builds, enough of them to
//! decide what jsrsasign accepts and to write `JSON.stringify` of what it built.
//!
//! The parser (`jsonParse`) matches tokens with one global regular expression, skipping every
//! character that does not start one (colons and commas included), then builds the value on a
//! stack: a string with no pending key in an object becomes the key, any other value is stored
//! under the pending key or, without one, under `container.length` (`undefined` for an object).
//! jsrsasign then requires a non-array object (`isSafeJSONString`).

mod js_text;
mod lexer;
#[cfg(test)]
mod tests;

use js_text::string_to_number;
use lexer::{Token, tokens, units};

/// How a piece of JavaScript would end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// It throws (jsrsasign's parser then reports "not safe").
    Throws,
    /// It depends on behaviour this model does not follow.
    Unreproducible(&'static str),
    /// Containers nest deeper than [`MAX_DEPTH`]: refused, so that parsing stays linear
    /// and shallow (jsrsasign signs such a header only because nothing stops it).
    TooDeep,
    /// An object with more than [`MAX_MEMBERS`] members.
    TooLarge,
}

/// A value built by the parser.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The value and the token it was read from (which says how JavaScript writes it).
    Number(f64, String),
    String(Vec<u16>),
    Object(usize),
    Array(usize),
}

#[derive(Debug, Default)]
struct ArrayData {
    // Set items by index, ascending; the gaps are holes.
    items: Vec<(u32, Value)>,
    length: u32,
    // A member that is not an index was set; JavaScript would consult it for `join`/`toString`.
    named: bool,
}

impl ArrayData {
    fn item(&self, index: u32) -> Option<&Value> {
        let at = self.items.binary_search_by_key(&index, |(i, _)| *i).ok()?;
        self.items.get(at).map(|(_, value)| value)
    }

    fn set(&mut self, index: u32, value: Value) {
        match self.items.binary_search_by_key(&index, |(i, _)| *i) {
            Ok(at) => {
                if let Some(slot) = self.items.get_mut(at) {
                    slot.1 = value;
                }
            }
            Err(at) => self.items.insert(at, (index, value)),
        }
        self.length = self.length.max(index + 1);
    }
}

#[derive(Debug)]
enum Container {
    Object(Vec<(Vec<u16>, Value)>),
    Array(ArrayData),
}

/// The parsed header: the containers built, the first being the object jsrsasign keeps.
#[derive(Debug)]
pub struct Document {
    containers: Vec<Container>,
    root: usize,
}

// Bounds on what the model follows; JavaScript goes further (or throws a RangeError).
pub const MAX_DEPTH: usize = 256;
pub const MAX_MEMBERS: usize = 1000;
const MAX_ARRAY_LENGTH: u32 = 1 << 16;

/// The array index a key names: canonical decimal below 2^32 - 1.
fn array_index(key: &[u16]) -> Option<u32> {
    if key.is_empty() || (key.len() > 1 && key.first() == Some(&0x30)) {
        return None;
    }
    let mut index: u32 = 0;
    for &unit in key {
        let digit = unit.checked_sub(0x30).filter(|&digit| digit < 10)?;
        index = index.checked_mul(10)?.checked_add(u32::from(digit))?;
    }
    (index < u32::MAX).then_some(index)
}

/// Parses `text` as jsrsasign's `isSafeJSONString` does: `Ok` for a non-array object.
pub fn parse_object(text: &[u16]) -> Result<Document, Failure> {
    let mut tokens = tokens(text).peekable();
    let (mut document, scalar) = match tokens.peek() {
        None => return Err(Failure::Throws),
        Some(Token::OpenObject) => (Document::with(Container::Object(Vec::new())), false),
        Some(Token::OpenArray) => (
            Document::with(Container::Array(ArrayData::default())),
            false,
        ),
        Some(_) => (Document::with(Container::Array(ArrayData::default())), true),
    };
    if !scalar {
        tokens.next();
    }
    // jsonParse's stack `r` (top last) and pending key `t`.
    let mut stack = vec![0];
    let mut pending: Option<Vec<u16>> = None;
    for token in tokens {
        match token {
            Token::Close => {
                stack.pop();
            }
            Token::Value(Value::String(text)) => {
                let Some(&target) = stack.last() else {
                    // `w` is undefined: a string becomes the pending key, anything else throws.
                    if pending.is_some() {
                        return Err(Failure::Throws);
                    }
                    pending = Some(text);
                    continue;
                };
                let key = match pending.take() {
                    Some(key) => key,
                    None => match document.containers.get(target) {
                        Some(Container::Array(array)) => units(&array.length.to_string()),
                        _ => {
                            pending = Some(text);
                            continue;
                        }
                    },
                };
                document.set(target, key, Value::String(text))?;
            }
            token => {
                let target = *stack.last().ok_or(Failure::Throws)?;
                let key = match pending.take() {
                    Some(key) => key,
                    None => document.implicit_key(target)?,
                };
                let value = match token {
                    Token::Value(value) => value,
                    Token::OpenObject => document.add(Container::Object(Vec::new())),
                    _ => document.add(Container::Array(ArrayData::default())),
                };
                if let Value::Object(created) | Value::Array(created) = value {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Failure::TooDeep);
                    }
                    stack.push(created);
                }
                document.set(target, key, value)?;
            }
        }
    }
    let root = if scalar {
        if stack.len() != 1 {
            return Err(Failure::Throws);
        }
        document.array_item(0, 0)
    } else {
        if !stack.is_empty() {
            return Err(Failure::Throws);
        }
        match document.containers.first() {
            Some(Container::Object(_)) => Some(Value::Object(0)),
            _ => None,
        }
    };
    match root {
        Some(Value::Object(root)) => {
            document.root = root;
            Ok(document)
        }
        _ => Err(Failure::Throws),
    }
}

impl Document {
    fn with(container: Container) -> Self {
        Self {
            containers: vec![container],
            root: 0,
        }
    }

    fn add(&mut self, container: Container) -> Value {
        let index = self.containers.len();
        let value = match container {
            Container::Object(_) => Value::Object(index),
            Container::Array(_) => Value::Array(index),
        };
        self.containers.push(container);
        value
    }

    fn array_item(&self, array: usize, index: u32) -> Option<Value> {
        match self.containers.get(array)? {
            Container::Array(data) => data.item(index).cloned(),
            Container::Object(_) => None,
        }
    }

    fn object_member(&self, object: usize, name: &[u16]) -> Option<&Value> {
        match self.containers.get(object)? {
            Container::Object(members) => {
                members.iter().find(|(key, _)| key == name).map(|(_, v)| v)
            }
            Container::Array(_) => None,
        }
    }

    /// `object[name]` of the root object (an own member; Object.prototype has no header names).
    pub fn root_member(&self, name: &str) -> Option<&Value> {
        self.object_member(self.root, &units(name))
    }

    /// Adds `name` to the root object, as `k.alg = j` does.
    pub fn set_root_member(&mut self, name: &str, value: &str) {
        if let Some(Container::Object(members)) = self.containers.get_mut(self.root) {
            members.push((units(name), Value::String(units(value))));
        }
    }

    /// `container.length` as a property key, for a value stored without a pending key.
    fn implicit_key(&self, target: usize) -> Result<Vec<u16>, Failure> {
        match self.containers.get(target) {
            Some(Container::Array(array)) => Ok(units(&array.length.to_string())),
            Some(Container::Object(_)) => match self.object_member(target, &units("length")) {
                None => Ok(units("undefined")),
                Some(length) => self.property_key(&length.clone()),
            },
            None => Err(Failure::Throws),
        }
    }

    /// `container[key] = value` (JavaScript's [[Set]] on an ordinary object or an array).
    fn set(&mut self, target: usize, key: Vec<u16>, value: Value) -> Result<(), Failure> {
        if key == units("__proto__") {
            return Err(Failure::Unreproducible("a member named __proto__"));
        }
        let new_length = match (self.containers.get(target), &value) {
            (Some(Container::Array(_)), _) if key == units("length") => {
                Some(self.array_length(&value)?)
            }
            _ => None,
        };
        match self.containers.get_mut(target) {
            Some(Container::Object(members)) => {
                if let Some((_, slot)) = members.iter_mut().find(|(name, _)| *name == key) {
                    *slot = value;
                } else {
                    // JavaScript's own-key order: array indices ascending, then the rest in
                    // insertion order. Members are kept in that order as they are added.
                    if members.len() >= MAX_MEMBERS {
                        return Err(Failure::TooLarge);
                    }
                    let at = match array_index(&key) {
                        Some(index) => members.partition_point(|(name, _)| {
                            array_index(name).is_some_and(|other| other < index)
                        }),
                        None => members.len(),
                    };
                    members.insert(at, (key, value));
                }
            }
            Some(Container::Array(array)) => {
                if let Some(length) = new_length {
                    array
                        .items
                        .truncate(array.items.partition_point(|(i, _)| *i < length));
                    array.length = length;
                } else if let Some(index) = array_index(&key) {
                    array.set(index, value);
                } else {
                    array.named = true;
                }
            }
            None => return Err(Failure::Throws),
        }
        Ok(())
    }

    /// ArraySetLength: the new length, or a RangeError when it is not a uint32.
    fn array_length(&self, value: &Value) -> Result<u32, Failure> {
        let number = match value {
            Value::Null => 0.0,
            Value::Bool(flag) => f64::from(u8::from(*flag)),
            Value::Number(number, _) => *number,
            Value::String(text) => string_to_number(text),
            // The containers stored here are always new, so empty: `[]` is 0, `{}` is NaN.
            Value::Array(_) => 0.0,
            Value::Object(_) => f64::NAN,
        };
        if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) {
            Ok(number as u32)
        } else {
            Err(Failure::Throws)
        }
    }
}

impl Document {
    /// jsrsasign's `crit` check: an array of non-empty strings naming present members.
    pub fn check_critical(&self) -> Result<(), super::KjurError> {
        let wrong = || super::KjurError::CriticalHeader {
            detail: "wrong critical header (crit must be a non-empty array of member names)".into(),
        };
        let Some(crit) = self.root_member("crit") else {
            return Ok(());
        };
        let Value::Array(array) = crit else {
            return Err(wrong());
        };
        let Some(Container::Array(data)) = self.containers.get(*array) else {
            return Err(wrong());
        };
        if data.length == 0 {
            return Err(wrong());
        }
        for index in 0..data.length {
            let Some(Value::String(name)) = data.item(index) else {
                return Err(wrong());
            };
            if name.is_empty() {
                return Err(wrong());
            }
            let inherited = OBJECT_PROTOTYPE
                .iter()
                .any(|n| name.iter().copied().eq(n.encode_utf16()));
            if self.object_member(self.root, name).is_none() && !inherited {
                return Err(super::KjurError::CriticalHeader {
                    detail: format!(
                        "critical header '{}' missing",
                        String::from_utf16_lossy(name)
                    ),
                });
            }
        }
        Ok(())
    }
}

// Names every object inherits from Object.prototype: `header[name]` is defined for them.
const OBJECT_PROTOTYPE: [&str; 12] = [
    "constructor",
    "__defineGetter__",
    "__defineSetter__",
    "hasOwnProperty",
    "__lookupGetter__",
    "__lookupSetter__",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toString",
    "valueOf",
    "__proto__",
    "toLocaleString",
];
