//! Helpers shared by the native integration tests.
#![allow(dead_code, clippy::panic)]

use zoomsig::InputValue;

/// Reads a test data file from `tests/data`.
pub fn data(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The JS value a page would pass for this JSON.
pub fn input(value: &serde_json::Value) -> InputValue {
    use serde_json::Value;
    match value {
        Value::Null => InputValue::Null,
        Value::Bool(b) => InputValue::Bool(*b),
        Value::Number(n) => InputValue::Number(n.as_f64().expect("JSON number")),
        Value::String(s) => InputValue::String(s.clone()),
        Value::Array(items) => InputValue::Array(items.iter().map(input).collect()),
        Value::Object(map) => {
            InputValue::Object(map.iter().map(|(k, v)| (k.clone(), input(v))).collect())
        }
    }
}

/// The options object for a JSON literal.
pub fn options(json: &str) -> InputValue {
    input(&serde_json::from_str(json).expect("test JSON"))
}

/// Decodes one base64url segment of a token to text.
pub fn segment(token: &str, index: usize) -> String {
    use base64::Engine as _;
    let part = token.split('.').nth(index).expect("segment");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .expect("base64url");
    String::from_utf8(bytes).expect("UTF-8")
}
