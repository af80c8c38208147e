//! The arguments of `sign` and `verify`, as the boundary sorts JavaScript values into them.

use super::SecretWarning;

/// The `alg` argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlgArg {
    /// `undefined`, `null` (or `""`, given as a name): take the header's `alg`.
    Absent,
    /// A string.
    Name(String),
    /// Anything else, described.
    Other(String),
}

/// The header argument.
pub enum HeaderArg<'a> {
    /// A string, as UTF-16 code units.
    Text(Vec<u16>),
    /// An object (an array too), read and serialised through the caller.
    Object(&'a mut dyn HeaderObject),
    /// Anything else (`null` included), described.
    Other(String),
}

/// A header given as a JavaScript object: jsrsasign serialises it with `JSON.stringify`, reads
/// its `alg`, and sets `alg` on it when missing (so the caller's object changes, as with
/// jsrsasign).
pub trait HeaderObject {
    /// `JSON.stringify(object)`; `Err` with what JavaScript said when it throws or gives nothing.
    fn stringify(&mut self) -> Result<String, String>;
    /// `object.alg`.
    fn alg(&mut self) -> Result<AlgMember, String>;
    /// `object.alg = alg`.
    fn set_alg(&mut self, alg: &str) -> Result<(), String>;
}

/// The `alg` member of a header object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlgMember {
    /// `undefined`.
    Undefined,
    /// A string.
    String(String),
    /// Anything else: jsrsasign looks the algorithm up by the property key it converts to.
    Other {
        /// That property key (`["HS256"]` gives `"HS256"`); `None` when converting throws.
        key: Option<String>,
        /// How a message shows the value.
        shown: String,
    },
}

/// The payload argument. An object payload is given as its `JSON.stringify` text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadArg {
    /// A string, or an object's `JSON.stringify` text.
    Text(String),
    /// An object that `JSON.stringify` threw on or gave nothing for; what JavaScript said.
    NotSerialisable(String),
    /// Anything else, described.
    Other(String),
}

/// The key argument, as jsrsasign's `KJUR.crypto.Mac` takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyArg {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A string, as UTF-16 code units.
    Text(Vec<u16>),
    /// An object, by the members jsrsasign reads.
    Object(KeyObject),
    /// Anything else, described.
    Other(String),
}

/// The members of a key object that jsrsasign reads, in the order it reads them (the last one
/// present wins).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyObject {
    /// Hex text.
    pub hex: KeyMember,
    /// Text taken as its UTF-8 bytes.
    pub utf8: KeyMember,
    /// Text taken as the low byte of each UTF-16 code unit.
    pub rstr: KeyMember,
    /// Base64 text (jsrsasign's lenient decoder).
    pub b64: KeyMember,
    /// Base64url text (jsrsasign's lenient decoder).
    pub b64u: KeyMember,
}

/// One member of a key object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum KeyMember {
    /// `undefined` or missing.
    #[default]
    Absent,
    /// A string, as UTF-16 code units.
    Text(Vec<u16>),
    /// Anything else (`null` included), described.
    Other(String),
}

/// A token made by [`sign`], and whether its secret will likely fail at Zoom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The compact JWS, exactly as jsrsasign makes it.
    pub token: String,
    /// Set when a plain-string secret was read the jsrsasign way, which Zoom does not.
    pub warning: Option<SecretWarning>,
}
