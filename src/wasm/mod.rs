//! The JavaScript boundary: turns JS values into core inputs, and core results into JS values
//! (refusals into `Error`s with a stable code). Nothing here decides anything: the rules live in
//! the core. One file per family of exports; this one holds how they read what they are given.

#[cfg(feature = "doctor")]
mod doctor;
mod generate;
#[cfg(feature = "kjur")]
mod kjur;

#[cfg(feature = "doctor")]
pub use doctor::{
    ExplainOptionsObject, InspectContextObject, InspectReportObject, JoinErrorExplanationObject,
    SdkJoinError, explain_join_error_js, inspect_signature,
};
pub use generate::{
    SignatureOptions, VideoTokenOptions, generate_signature, generate_video_token,
    meeting_number_digits,
};
#[cfg(feature = "kjur")]
pub use kjur::{kjur_sign, kjur_verify};

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::input::InputValue;

// Every call that can run the caller's code (getters, proxy traps, toString) or otherwise throw
// catches in JS, in plain.js and reads.js: an exception unwinding through wasm would skip the
// frames' clean-up and leak what they hold until the module dies, and even one a `catch` import
// turns into an `Err` leaves a slot of wasm-bindgen's table behind. The two copies below catch
// everything themselves; `catch` stays as a backstop. Type probes by `typeof` run no caller code.
#[wasm_bindgen(module = "/src/wasm/plain.js")]
extern "C" {
    #[wasm_bindgen(js_name = plainMembers, catch)]
    fn plain_members(object: &JsValue, names: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = plainValue, catch)]
    fn plain_value(value: &JsValue, depth: u32) -> Result<JsValue, JsValue>;
}

// Single reads of a caller's value that catch what its code throws (`reads.js` says why they do not
// throw into wasm, even through a `catch` import). Each gives `[true, result]` or `[false, message]`.
#[wasm_bindgen(module = "/src/wasm/reads.js")]
extern "C" {
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = readMember)]
    fn read_member_js(object: &JsValue, name: &str) -> js_sys::Array;
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = writeMember)]
    fn write_member_js(object: &JsValue, name: &str, value: &JsValue) -> js_sys::Array;
    #[wasm_bindgen(js_name = arrayOrNot)]
    fn array_or_not_js(value: &JsValue) -> js_sys::Array;
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = stringified)]
    fn stringified_js(value: &JsValue) -> js_sys::Array;
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = joined)]
    fn joined_js(list: &JsValue, separator: &str) -> js_sys::Array;
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = propertyKey)]
    fn property_key_js(value: &JsValue) -> js_sys::Array;
    #[cfg(feature = "kjur")]
    #[wasm_bindgen(js_name = warn)]
    fn warn_js(message: &str) -> js_sys::Array;
}

/// What a caller's code threw, as text when it said something.
pub(crate) type Thrown = Option<String>;

fn outcome(pair: js_sys::Array) -> Result<JsValue, Thrown> {
    if pair.get(0).is_truthy() {
        Ok(pair.get(1))
    } else {
        Err(pair.get(1).as_string())
    }
}

#[cfg(feature = "kjur")]
/// `object[name]`.
pub(crate) fn read_member(object: &JsValue, name: &str) -> Result<JsValue, Thrown> {
    outcome(read_member_js(object, name))
}

#[cfg(feature = "kjur")]
/// `Reflect.set(object, name, value)`.
pub(crate) fn write_member(object: &JsValue, name: &str, value: &JsValue) -> Result<(), Thrown> {
    outcome(write_member_js(object, name, value)).map(|_| ())
}

/// `Array.isArray(value)`, which throws for a revoked Proxy.
pub(crate) fn is_array(value: &JsValue) -> Result<bool, Thrown> {
    outcome(array_or_not_js(value)).map(|answer| answer.is_truthy())
}

#[cfg(feature = "kjur")]
/// `JSON.stringify(value)` (undefined for what it does not serialise).
pub(crate) fn stringified(value: &JsValue) -> Result<JsValue, Thrown> {
    outcome(stringified_js(value))
}

#[cfg(feature = "kjur")]
/// `Array.prototype.join.call(list, separator)`.
pub(crate) fn joined(list: &JsValue, separator: &str) -> Result<JsValue, Thrown> {
    outcome(joined_js(list, separator))
}

#[cfg(feature = "kjur")]
/// The property key JavaScript converts `value` to; `None` when that throws or gives a symbol.
pub(crate) fn property_key(value: &JsValue) -> Option<String> {
    outcome(property_key_js(value)).ok()?.as_string()
}

#[cfg(feature = "kjur")]
/// `console.warn(message)`; a console that throws only loses the line.
pub(crate) fn warn(message: &str) {
    let _ = warn_js(message);
}

/// What a caller passed, as the core sees it, an object's own members included. The object is
/// first copied into plain data (`plain.js` says why), which serde-wasm-bindgen then reads.
pub(crate) fn read_value(value: &JsValue) -> InputValue {
    read(value, &JsValue::UNDEFINED)
}

/// Like [`read_value`], with the items of arrays among the members read too.
pub(crate) fn read_value_with_arrays(value: &JsValue) -> InputValue {
    read_nested(value, 2)
}

/// Like [`read_value`], with only the members named, enumerable or not.
#[cfg(feature = "doctor")]
pub(crate) fn read_named_members(value: &JsValue, names: &[&str]) -> InputValue {
    let names: js_sys::Array = names.iter().map(|name| JsValue::from_str(name)).collect();
    read(value, &names)
}

/// An `inspectSignature` report handed back, as the core sees it (arrays of objects of strings).
#[cfg(feature = "doctor")]
pub(crate) fn read_report(value: &JsValue) -> InputValue {
    read_nested(value, 4)
}

fn read(value: &JsValue, names: &JsValue) -> InputValue {
    read_copy(value, |object| plain_members(object, names))
}

/// An object read `depth` levels deep.
fn read_nested(value: &JsValue, depth: u32) -> InputValue {
    read_copy(value, |object| plain_value(object, depth))
}

/// What `copy` (a `plain.js` copy, which catches what the caller's code throws) made of an object,
/// as the core sees it.
fn read_copy(value: &JsValue, copy: impl Fn(&JsValue) -> Result<JsValue, JsValue>) -> InputValue {
    if !value.is_object() {
        return kind_of(value);
    }
    match copy(value) {
        Ok(copy) => serde_wasm_bindgen::from_value(copy).unwrap_or(InputValue::Unreadable),
        Err(_) => InputValue::Unreadable,
    }
}

/// What kind of value this is, without reading an object's members (so no getter runs).
pub(crate) fn kind_of(value: &JsValue) -> InputValue {
    // Every probe is a call into JS, and arguments are mostly strings and numbers: ask for those
    // first (the kinds do not overlap, so the order changes nothing else).
    if let Some(text) = value.as_string() {
        InputValue::String(text)
    } else if let Some(number) = value.as_f64() {
        InputValue::Number(number)
    } else if value.is_undefined() {
        InputValue::Undefined
    } else if value.is_null() {
        InputValue::Null
    } else if let Some(flag) = value.as_bool() {
        InputValue::Bool(flag)
    } else if value.is_object() {
        match is_array(value) {
            Ok(true) => InputValue::Array(Vec::new()),
            Ok(false) => InputValue::Object(Vec::new()),
            Err(_) => InputValue::Unreadable,
        }
    } else {
        InputValue::Other(value.js_typeof().as_string().unwrap_or_default())
    }
}

/// JavaScript's `String.prototype.toLowerCase` (which cannot throw for a string).
pub(crate) fn js_to_lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// Seconds since the epoch by this machine's clock.
pub(crate) fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// The `Error` every refusal throws: name `ZoomsigError`, a stable `code`, and the `field` when
/// one option is concerned.
pub(crate) fn zoomsig_error(message: &str, code: &str, field: Option<&str>) -> JsValue {
    let js_error = js_sys::Error::new(message);
    label_error(&js_error, code, field);
    js_error.into()
}

/// Names a fresh error `ZoomsigError` and gives it its `code` (and `field`).
pub(crate) fn label_error(error: &js_sys::Error, code: &str, field: Option<&str>) {
    error.set_name("ZoomsigError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(error, &"code".into(), &code.into());
    if let Some(field) = field {
        let _ = Reflect::set(error, &"field".into(), &field.into());
    }
}

/// A Rust value as the plain JavaScript object JSON would give (maps as objects, not `Map`s).
#[cfg(feature = "doctor")]
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}
