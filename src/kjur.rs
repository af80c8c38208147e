//! jsrsasign's `KJUR.jws.JWS.sign` and `KJUR.jws.JWS.verify` for HS256, HS384 and HS512, byte for
//! byte, so that a page written against jsrsasign 11 switches to zoomsig by changing one script tag
//! or one import line.
//!
//! jsrsasign does more than sign two JSON texts (`src/jws-3.3.js`, `src/crypto-1.1.js`):
//! - A header given as a string must pass its bundled json-sans-eval parser, which is lenient: it
//!   picks tokens out of the text and skips whatever is between them (`{"typ" "JWT",}` passes).
//!   The string is then signed as given, unless it has no `alg`: then jsrsasign adds one and signs
//!   `JSON.stringify` of what it parsed. The `sans_eval` module below reproduces both.
//! - A key given as a string is hex-decoded when it is an even-length all-hex string, and is
//!   otherwise read one byte per UTF-16 code unit (the low byte), which is not UTF-8 beyond ASCII.
//!   Zoom verifies with the UTF-8 bytes, so such a secret gets a [`SecretWarning`].
//!
//! What jsrsasign only does by accident of JavaScript's prototype rules (a header member named
//! `__proto__`), or what would take a shortest-digits float formatter to rewrite (a number of more
//! than 15 significant digits in a header without `alg`), is refused with
//! [`KjurError::HeaderUnreproducible`] rather than guessed. Algorithms other than the three HMACs
//! are refused with [`KjurError::UnsupportedAlg`] (jsrsasign signs `none` tokens; zoomsig does not).
//!
//! Strings from JavaScript arrive as UTF-16 code units where a lone surrogate must survive (the
//! header, the key); payloads arrive as Rust strings, whose U+FFFD for a lone surrogate is what
//! jsrsasign's `Buffer`-based UTF-8 encoding in Node writes too.

use std::fmt;

use crate::jws::{HmacAlgorithm, constant_time_eq, sign_compact};

/// Why a KJUR call was refused. Every case where jsrsasign throws is one of these, and a few
/// where it does not (documented on each variant).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KjurError {
    /// The `alg` argument is not a string, `null` or `undefined`.
    AlgType {
        /// What was given instead.
        got: String,
    },
    /// Neither the `alg` argument nor the header names an algorithm.
    AlgMissing,
    /// The `alg` argument and the header's `alg` differ.
    AlgMismatch {
        /// The `alg` argument.
        argument: String,
        /// The header's `alg`, as written in a message.
        header: String,
    },
    /// An algorithm other than HS256, HS384 and HS512 (jsrsasign's RS*, ES*, PS* and `none` too).
    UnsupportedAlg {
        /// The algorithm named, as written in a message.
        alg: String,
    },
    /// The header is neither a string nor an object (`null` included).
    HeaderType {
        /// What was given instead.
        got: String,
    },
    /// The header string is not a JSON object as jsrsasign's parser reads one.
    HeaderNotJson,
    /// The header string relies on JavaScript behaviour zoomsig does not reproduce (jsrsasign
    /// accepts it; zoomsig refuses rather than guess).
    HeaderUnreproducible {
        /// What in the header it is.
        reason: &'static str,
    },
    /// The header string nests arrays or objects more than 256 deep (jsrsasign signs it; no
    /// header needs it, and refusing keeps the parser linear and its stack shallow).
    HeaderTooDeep,
    /// Reading or serialising the header object threw, or `JSON.stringify` gave nothing.
    HeaderObject {
        /// What JavaScript said.
        detail: String,
    },
    /// The payload is neither a string nor an object (jsrsasign fails on it in `Buffer.from`).
    PayloadType {
        /// What was given instead.
        got: String,
    },
    /// `JSON.stringify` threw on the payload object, or gave nothing.
    PayloadObject {
        /// What JavaScript said.
        detail: String,
    },
    /// No key: `undefined` or `null`.
    KeyMissing {
        /// `"undefined"` or `"null"`.
        got: &'static str,
    },
    /// The key is neither a string nor an object.
    KeyType {
        /// What was given instead.
        got: String,
    },
    /// A key object without any of `hex`, `utf8`, `rstr`, `b64`, `b64u`.
    KeyNoForm,
    /// `{hex}` that is not a non-empty, even-length hex string.
    KeyBadHex,
    /// A key object's `hex`, `utf8`, `rstr`, `b64` or `b64u` that is not a string. jsrsasign
    /// throws for `hex` and coerces the others (`{utf8: 5}` signs with `"5"`); zoomsig refuses.
    KeyMemberType {
        /// The member.
        member: &'static str,
        /// What it holds.
        got: String,
    },
    /// `{utf8}` holding a lone UTF-16 surrogate, which has no UTF-8 form.
    KeyLoneSurrogate,
    /// A PEM key given to verify: PEM keys are for the RSA and EC algorithms.
    KeyPem,
    /// The token given to verify is not a string.
    TokenType {
        /// What was given instead.
        got: String,
    },
    /// The token's header is not a JSON object as jsrsasign's parser reads one.
    TokenHeaderNotJson,
    /// The token's header has no `alg`.
    TokenAlgMissing,
    /// `acceptAlgs` could not be read as a short list: a Proxy that throws, an item whose
    /// `toString` throws, or far more items than any list of algorithms has.
    AcceptAlgs {
        /// What is wrong with it.
        detail: String,
    },
    /// The token's `alg` is not one of the accepted algorithms given.
    AlgNotAccepted {
        /// The token's `alg`.
        alg: String,
    },
    /// The token's `crit` header member is malformed or names a member that is absent.
    CriticalHeader {
        /// What is wrong with it.
        detail: String,
    },
    /// The token's signature part does not decode to a MAC of the algorithm's length.
    SignatureLength {
        /// Bytes the algorithm's MAC has.
        expected: usize,
        /// Bytes the signature part decodes to.
        got: usize,
    },
}

impl KjurError {
    /// A stable code for the error, for programs (the JS error's `code`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::AlgType { .. } => "ALG_TYPE",
            Self::AlgMissing => "ALG_MISSING",
            Self::AlgMismatch { .. } => "ALG_MISMATCH",
            Self::UnsupportedAlg { .. } => "UNSUPPORTED_ALG",
            Self::HeaderType { .. } => "HEADER_TYPE",
            Self::HeaderNotJson => "HEADER_NOT_JSON",
            Self::HeaderUnreproducible { .. } => "HEADER_UNREPRODUCIBLE",
            Self::HeaderTooDeep => "HEADER_TOO_DEEP",
            Self::HeaderObject { .. } => "HEADER_OBJECT",
            Self::PayloadType { .. } => "PAYLOAD_TYPE",
            Self::PayloadObject { .. } => "PAYLOAD_OBJECT",
            Self::KeyMissing { .. } => "KEY_MISSING",
            Self::KeyType { .. } => "KEY_TYPE",
            Self::KeyNoForm => "KEY_NO_FORM",
            Self::KeyBadHex => "KEY_BAD_HEX",
            Self::KeyMemberType { .. } => "KEY_MEMBER_TYPE",
            Self::KeyLoneSurrogate => "KEY_LONE_SURROGATE",
            Self::KeyPem => "KEY_PEM",
            Self::TokenType { .. } => "TOKEN_TYPE",
            Self::TokenHeaderNotJson => "TOKEN_HEADER_NOT_JSON",
            Self::TokenAlgMissing => "TOKEN_ALG_MISSING",
            Self::AcceptAlgs { .. } => "ACCEPT_ALGS",
            Self::AlgNotAccepted { .. } => "ALG_NOT_ACCEPTED",
            Self::CriticalHeader { .. } => "CRITICAL_HEADER",
            Self::SignatureLength { .. } => "SIGNATURE_LENGTH",
        }
    }
}

/// More algorithm names than `verify` reads from `acceptAlgs`: jsrsasign knows a dozen.
pub const MAX_ACCEPT_ALGS: usize = 1024;

const SUPPORTED: &str = "zoomsig supports HS256, HS384 and HS512 (Zoom signatures are HS256)";

impl fmt::Display for KjurError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AlgType { got } => write!(
                f,
                "alg must be a string such as 'HS256' (or null to take the header's); got {got}."
            ),
            Self::AlgMissing => write!(
                f,
                "no algorithm: pass 'HS256' as alg, or put \"alg\":\"HS256\" in the header."
            ),
            Self::AlgMismatch { argument, header } => write!(
                f,
                "alg and the header's alg do not match: {argument} != {header} (jsrsasign: \
                 \"alg and sHeader.alg doesn't match\"). Pass the same algorithm in both, or null \
                 as alg."
            ),
            Self::UnsupportedAlg { alg } => write!(f, "unsupported algorithm {alg}: {SUPPORTED}."),
            Self::HeaderType { got } => write!(
                f,
                "the header must be a JSON string or an object; got {got}."
            ),
            Self::HeaderNotJson => write!(
                f,
                "the header string is not a JSON object (jsrsasign: \"JWS Head is not safe JSON \
                 string\"). Pass e.g. '{{\"alg\":\"HS256\",\"typ\":\"JWT\"}}' or an object."
            ),
            Self::HeaderUnreproducible { reason } => write!(
                f,
                "the header string has {reason}, which jsrsasign's lenient parser handles through \
                 JavaScript prototype or coercion rules that zoomsig does not reproduce; it \
                 refuses rather than guess. Pass a plain JSON header."
            ),
            Self::HeaderTooDeep => write!(
                f,
                "the header string nests arrays or objects more than {} deep, which no JWS header \
                 needs; pass a flat header such as '{{\"alg\":\"HS256\",\"typ\":\"JWT\"}}'.",
                sans_eval::MAX_DEPTH
            ),
            Self::HeaderObject { detail } => {
                write!(f, "the header object cannot be serialised: {detail}.")
            }
            Self::PayloadType { got } => {
                write!(f, "the payload must be a string or an object; got {got}.")
            }
            Self::PayloadObject { detail } => {
                write!(f, "the payload object cannot be serialised: {detail}.")
            }
            Self::KeyMissing { got } => write!(f, "no key ({got}): pass the secret as the key."),
            Self::KeyType { got } => write!(
                f,
                "the key must be a string or an object such as {{utf8: secret}}; got {got}."
            ),
            Self::KeyNoForm => write!(
                f,
                "a key object needs one of hex, utf8, rstr, b64 or b64u (jsrsasign: \
                 \"KJUR.crypto.Mac unsupported password type\"); for a Zoom secret use {{utf8: \
                 secret}}."
            ),
            Self::KeyBadHex => write!(
                f,
                "the key's hex is not a non-empty, even-length hex string (jsrsasign: \"Mac: wrong \
                 hex password\")."
            ),
            Self::KeyMemberType { member, got } => {
                write!(f, "the key's {member} must be a string; got {got}.")
            }
            Self::KeyLoneSurrogate => write!(
                f,
                "the key's utf8 has a lone UTF-16 surrogate, which has no UTF-8 form (jsrsasign: \
                 \"URI malformed\")."
            ),
            Self::KeyPem => write!(
                f,
                "a PEM key verifies RSA or EC tokens, not HMAC ones; {SUPPORTED}."
            ),
            Self::TokenType { got } => write!(f, "the token must be a string; got {got}."),
            Self::TokenHeaderNotJson => write!(
                f,
                "the token's header is not a JSON object (jsrsasign fails reading its alg)."
            ),
            Self::TokenAlgMissing => write!(
                f,
                "the token's header has no alg (jsrsasign: \"algorithm not specified in header\")."
            ),
            Self::AcceptAlgs { detail } => write!(
                f,
                "acceptAlgs must be a list of algorithm names such as ['HS256']; {detail}."
            ),
            Self::AlgNotAccepted { alg } => write!(
                f,
                "algorithm '{alg}' not accepted in the list of acceptable algorithms."
            ),
            Self::CriticalHeader { detail } => write!(f, "{detail}."),
            Self::SignatureLength { expected, got } => write!(
                f,
                "the signature part decodes to {got} bytes where the MAC has {expected} (jsrsasign: \
                 \"input strings must have the same length\")."
            ),
        }
    }
}

impl std::error::Error for KjurError {}

/// Why a secret signed the jsrsasign way will almost certainly not verify at Zoom, which uses the
/// UTF-8 bytes of the secret. The token is still jsrsasign's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretWarning {
    /// An even-length all-hex secret: jsrsasign signs with the bytes it decodes to.
    HexDecoded,
    /// A secret with characters beyond ASCII: jsrsasign signs with the low byte of each.
    NotAscii,
}

impl SecretWarning {
    /// What `console.warn` says. Never contains the secret.
    pub fn message(self) -> &'static str {
        match self {
            Self::HexDecoded => {
                "zoomsig: KJUR.jws.JWS.sign signed this secret the jsrsasign way: it is an \
                 even-length hex string, so the HMAC key is the bytes it decodes to, not its text. \
                 Zoom verifies with the UTF-8 bytes of the secret, so this signature will almost \
                 certainly be refused (\"Invalid signature\", 3712). Pass the key as {utf8: \
                 secret}, or use generateSignature."
            }
            Self::NotAscii => {
                "zoomsig: KJUR.jws.JWS.sign signed this secret the jsrsasign way: it has \
                 characters beyond ASCII, and the HMAC key keeps only the low byte of each. Zoom \
                 verifies with the UTF-8 bytes of the secret, so this signature will almost \
                 certainly be refused (\"Invalid signature\", 3712). Pass the key as {utf8: \
                 secret}, or use generateSignature."
            }
        }
    }
}

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

/// `KJUR.jws.JWS.sign(alg, header, payload, key)` for the HMAC algorithms.
pub fn sign(
    alg: &AlgArg,
    header: HeaderArg<'_>,
    payload: &PayloadArg,
    key: &KeyArg,
) -> Result<Signed, KjurError> {
    let argument = match alg {
        AlgArg::Absent => None,
        AlgArg::Name(name) if name.is_empty() => None,
        AlgArg::Name(name) => Some(name.as_str()),
        AlgArg::Other(got) => return Err(KjurError::AlgType { got: got.clone() }),
    };
    let (header_text, algorithm) = match header {
        HeaderArg::Other(got) => return Err(KjurError::HeaderType { got }),
        HeaderArg::Text(units) => text_header(&units, argument)?,
        HeaderArg::Object(object) => object_header(object, argument)?,
    };
    let payload_text = match payload {
        PayloadArg::Text(text) => text,
        PayloadArg::NotSerialisable(detail) => {
            return Err(KjurError::PayloadObject {
                detail: detail.clone(),
            });
        }
        PayloadArg::Other(got) => return Err(KjurError::PayloadType { got: got.clone() }),
    };
    let (key_bytes, warning) = mac_key(key)?;
    Ok(Signed {
        token: sign_compact(algorithm, &header_text, payload_text, &key_bytes),
        warning,
    })
}

/// `KJUR.jws.JWS.verify(token, key, acceptAlgs)` for the HMAC algorithms. `accepted` is
/// `acceptAlgs.join(":")` when `acceptAlgs` is a non-empty array, else `None`. `Ok(false)` is a
/// token that is not three base64url parts or whose MAC differs; what jsrsasign throws on is an
/// `Err`.
pub fn verify(token: &str, key: &KeyArg, accepted: Option<&str>) -> Result<bool, KjurError> {
    let base64url_dot = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if token.is_empty() || !token.chars().all(base64url_dot) {
        return Ok(false);
    }
    let mut parts = token.split('.');
    let (Some(head), Some(body), Some(mac), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(false);
    };
    // jsrsasign in Node decodes the header with Buffer (lenient base64, U+FFFD for bad UTF-8).
    let header_bytes = node_base64_decode(head);
    let units: Vec<u16> = String::from_utf8_lossy(&header_bytes)
        .encode_utf16()
        .collect();
    let document = sans_eval::parse_object(&units).map_err(|failure| match failure {
        sans_eval::Failure::Throws => KjurError::TokenHeaderNotJson,
        sans_eval::Failure::Unreproducible(reason) => KjurError::HeaderUnreproducible { reason },
        sans_eval::Failure::TooDeep => KjurError::HeaderTooDeep,
    })?;
    let alg = match document.root_member("alg") {
        None => return Err(KjurError::TokenAlgMissing),
        Some(sans_eval::Value::String(name)) => String::from_utf16_lossy(name),
        // jsrsasign calls `alg.substr`, which only strings have.
        Some(other) => {
            return Err(KjurError::UnsupportedAlg {
                alg: document.show(other),
            });
        }
    };
    if let Some(list) = accepted {
        if !format!(":{list}:").contains(&format!(":{alg}:")) {
            return Err(KjurError::AlgNotAccepted { alg });
        }
    }
    if alg != "none" && *key == KeyArg::Null {
        return Err(KjurError::KeyMissing { got: "null" });
    }
    if let KeyArg::Text(units) = key {
        if String::from_utf16_lossy(units).contains("-----BEGIN ") {
            return Err(KjurError::KeyPem);
        }
    }
    let algorithm = HmacAlgorithm::from_name(&alg).ok_or_else(|| KjurError::UnsupportedAlg {
        alg: format!("'{alg}'"),
    })?;
    document.check_critical()?;
    let (key_bytes, _) = mac_key(key)?;
    let signing_input = format!("{head}.{body}");
    let expected = algorithm.mac(&key_bytes, signing_input.as_bytes());
    let mac_units: Vec<u16> = mac.encode_utf16().collect();
    let given = jsrsasign_base64_decode(&mac_units, true);
    if given.len() != expected.len() {
        return Err(KjurError::SignatureLength {
            expected: expected.len(),
            got: given.len(),
        });
    }
    Ok(constant_time_eq(&given, &expected))
}

/// A text header: the text as given when it has `alg`, else jsrsasign's re-serialisation.
fn text_header(
    units: &[u16],
    argument: Option<&str>,
) -> Result<(String, HmacAlgorithm), KjurError> {
    let failed = |failure| match failure {
        sans_eval::Failure::Throws => KjurError::HeaderNotJson,
        sans_eval::Failure::Unreproducible(reason) => KjurError::HeaderUnreproducible { reason },
        sans_eval::Failure::TooDeep => KjurError::HeaderTooDeep,
    };
    let mut document = sans_eval::parse_object(units).map_err(failed)?;
    let Some(name) = argument else {
        // No alg argument: the header's alg, looked up by the property key it converts to.
        let Some(member) = document.root_member("alg") else {
            return Err(KjurError::AlgMissing);
        };
        let key = match document.property_key(member) {
            Ok(key) => key,
            Err(sans_eval::Failure::Throws) => {
                return Err(KjurError::UnsupportedAlg {
                    alg: document.show(member),
                });
            }
            Err(failure) => return Err(failed(failure)),
        };
        let algorithm = named_algorithm(&String::from_utf16_lossy(&key), || document.show(member))?;
        return Ok((String::from_utf16_lossy(units), algorithm));
    };
    match document.root_member("alg") {
        None => {
            document.set_root_member("alg", name);
            let text = document.to_json().map_err(failed)?;
            Ok((text, named_algorithm(name, || format!("'{name}'"))?))
        }
        Some(sans_eval::Value::String(header))
            if header.iter().copied().eq(name.encode_utf16()) =>
        {
            Ok((
                String::from_utf16_lossy(units),
                named_algorithm(name, || format!("'{name}'"))?,
            ))
        }
        Some(other) => Err(KjurError::AlgMismatch {
            argument: name.to_string(),
            header: document.show(other),
        }),
    }
}

/// An object header, as jsrsasign handles one: serialise, read `alg`, set it when missing and
/// serialise again.
fn object_header(
    object: &mut dyn HeaderObject,
    argument: Option<&str>,
) -> Result<(String, HmacAlgorithm), KjurError> {
    let failed = |detail| KjurError::HeaderObject { detail };
    let text = object.stringify().map_err(failed)?;
    let member = object.alg().map_err(failed)?;
    let Some(name) = argument else {
        return match member {
            AlgMember::Undefined => Err(KjurError::AlgMissing),
            AlgMember::String(name) => {
                let algorithm = named_algorithm(&name, || format!("'{name}'"))?;
                Ok((text, algorithm))
            }
            AlgMember::Other { key, shown } => {
                let key = key.ok_or_else(|| KjurError::UnsupportedAlg { alg: shown.clone() })?;
                Ok((text, named_algorithm(&key, || shown)?))
            }
        };
    };
    match member {
        AlgMember::Undefined => {
            object.set_alg(name).map_err(failed)?;
            // A frozen object keeps no alg: jsrsasign then finds the two differ.
            match object.alg().map_err(failed)? {
                AlgMember::String(set) if set == name => {}
                other => {
                    return Err(KjurError::AlgMismatch {
                        argument: name.to_string(),
                        header: show_member(&other),
                    });
                }
            }
            let text = object.stringify().map_err(failed)?;
            Ok((text, named_algorithm(name, || format!("'{name}'"))?))
        }
        AlgMember::String(header) if header == name => {
            Ok((text, named_algorithm(name, || format!("'{name}'"))?))
        }
        other => Err(KjurError::AlgMismatch {
            argument: name.to_string(),
            header: show_member(&other),
        }),
    }
}

fn show_member(member: &AlgMember) -> String {
    match member {
        AlgMember::Undefined => "undefined".into(),
        AlgMember::String(name) => format!("\"{name}\""),
        AlgMember::Other { shown, .. } => shown.clone(),
    }
}

fn named_algorithm(name: &str, shown: impl FnOnce() -> String) -> Result<HmacAlgorithm, KjurError> {
    HmacAlgorithm::from_name(name).ok_or_else(|| KjurError::UnsupportedAlg { alg: shown() })
}

/// The HMAC key bytes, as jsrsasign's `KJUR.crypto.Mac.setPassword` makes them.
pub fn mac_key(key: &KeyArg) -> Result<(Vec<u8>, Option<SecretWarning>), KjurError> {
    match key {
        KeyArg::Undefined => Err(KjurError::KeyMissing { got: "undefined" }),
        KeyArg::Null => Err(KjurError::KeyMissing { got: "null" }),
        KeyArg::Other(got) => Err(KjurError::KeyType { got: got.clone() }),
        KeyArg::Text(units) => {
            if let Some(bytes) = hex_decode(units) {
                Ok((bytes, Some(SecretWarning::HexDecoded)))
            } else {
                let warning = units
                    .iter()
                    .any(|&unit| unit > 0x7f)
                    .then_some(SecretWarning::NotAscii);
                Ok((low_bytes(units), warning))
            }
        }
        KeyArg::Object(object) => {
            let mut bytes = None;
            if let Some(hex) = member_text(&object.hex, "hex")? {
                bytes = Some(hex_decode(hex).ok_or(KjurError::KeyBadHex)?);
            }
            if let Some(text) = member_text(&object.utf8, "utf8")? {
                let text: String = char::decode_utf16(text.iter().copied())
                    .collect::<Result<_, _>>()
                    .map_err(|_| KjurError::KeyLoneSurrogate)?;
                bytes = Some(text.into_bytes());
            }
            if let Some(text) = member_text(&object.rstr, "rstr")? {
                bytes = Some(low_bytes(text));
            }
            if let Some(text) = member_text(&object.b64, "b64")? {
                bytes = Some(jsrsasign_base64_decode(text, false));
            }
            if let Some(text) = member_text(&object.b64u, "b64u")? {
                bytes = Some(jsrsasign_base64_decode(text, true));
            }
            Ok((bytes.ok_or(KjurError::KeyNoForm)?, None))
        }
    }
}

fn member_text<'a>(
    member: &'a KeyMember,
    name: &'static str,
) -> Result<Option<&'a [u16]>, KjurError> {
    match member {
        KeyMember::Absent => Ok(None),
        KeyMember::Text(units) => Ok(Some(units)),
        KeyMember::Other(got) => Err(KjurError::KeyMemberType {
            member: name,
            got: got.clone(),
        }),
    }
}

/// The bytes of a non-empty, even-length all-hex string (`/^[0-9A-Fa-f]+$/`), else `None`:
/// jsrsasign's reading of a plain string key.
pub(crate) fn hex_decode(units: &[u16]) -> Option<Vec<u8>> {
    if units.is_empty() || units.len() % 2 != 0 {
        return None;
    }
    let nibble = |unit: u16| char::from_u32(u32::from(unit))?.to_digit(16);
    units
        .chunks_exact(2)
        .map(|pair| match pair {
            [high, low] => Some((nibble(*high)? * 16 + nibble(*low)?) as u8),
            _ => None,
        })
        .collect()
}

/// jsrsasign's `rstrtohex`: the low byte of each UTF-16 code unit.
fn low_bytes(units: &[u16]) -> Vec<u8> {
    units.iter().map(|&unit| (unit & 0xff) as u8).collect()
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_value(unit: u16) -> Option<u8> {
    let byte = u8::try_from(unit).ok()?;
    BASE64_ALPHABET
        .iter()
        .position(|&c| c == byte)
        .and_then(|at| u8::try_from(at).ok())
}

/// jsrsasign's `b64tohex` (and `b64utohex` with `url`): skips characters outside the alphabet,
/// stops at the first `=`, and turns a lone last character into a byte of its own.
fn jsrsasign_base64_decode(units: &[u16], url: bool) -> Vec<u8> {
    let mapped = units.iter().map(|&unit| match (url, unit) {
        (true, 0x2d) => u16::from(b'+'),
        (true, 0x5f) => u16::from(b'/'),
        _ => unit,
    });
    let values: Vec<u8> = mapped
        .take_while(|&unit| unit != u16::from(b'='))
        .filter_map(base64_value)
        .collect();
    let mut bytes = decode_groups(&values);
    if let [.., last] = values.as_slice() {
        if values.len() % 4 == 1 {
            bytes.push(((last >> 2) << 4) | ((last & 3) << 2));
        }
    }
    bytes
}

/// Node's `Buffer.from(text, 'base64')` after jsrsasign's `b64utob64`, for text of base64url
/// characters only: a lone last character is dropped.
fn node_base64_decode(text: &str) -> Vec<u8> {
    let values: Vec<u8> = text
        .bytes()
        .map(|byte| match byte {
            b'-' => b'+',
            b'_' => b'/',
            other => other,
        })
        .filter_map(|byte| base64_value(u16::from(byte)))
        .collect();
    decode_groups(&values)
}

/// Standard base64 decoding of 6-bit values, ignoring the bits a short last group leaves over.
fn decode_groups(values: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(values.len() * 3 / 4);
    for group in values.chunks(4) {
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| group.get(i).copied());
        if let (Some(a), Some(b)) = (a, b) {
            bytes.push((a << 2) | (b >> 4));
            if let Some(c) = c {
                bytes.push((b << 4) | (c >> 2));
                if let Some(d) = d {
                    bytes.push((c << 6) | d);
                }
            }
        }
    }
    bytes
}

/// jsrsasign's bundled json-sans-eval parser and the JavaScript values it builds, enough of them to
/// decide what jsrsasign accepts and to write `JSON.stringify` of what it built.
///
/// The parser (`jsonParse`) matches tokens with one global regular expression, skipping every
/// character that does not start one (colons and commas included), then builds the value on a
/// stack: a string with no pending key in an object becomes the key, any other value is stored
/// under the pending key or, without one, under `container.length` (`undefined` for an object).
/// jsrsasign then requires a non-array object (`isSafeJSONString`).
mod sans_eval {

    use crate::json_text::{push_escaped, push_unicode_escape};

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
    const MAX_ARRAY_LENGTH: u32 = 1 << 16;

    #[derive(Debug)]
    enum Token {
        Value(Value),
        OpenObject,
        OpenArray,
        Close,
    }

    fn unit(text: &[u16], at: usize) -> Option<u16> {
        text.get(at).copied()
    }

    fn is_digit(unit: Option<u16>) -> bool {
        matches!(unit, Some(0x30..=0x39))
    }

    // A regular expression's `\w`: what `\b` looks for on either side.
    fn is_word(unit: Option<u16>) -> bool {
        matches!(unit, Some(0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a | 0x5f))
    }

    fn count_digits(text: &[u16], from: usize) -> usize {
        text.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|&&u| is_digit(Some(u))).count()
        })
    }

    fn ascii(text: &[u16]) -> String {
        text.iter()
            .filter_map(|&u| char::from_u32(u32::from(u)))
            .collect()
    }

    /// `-?\b(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\b` at `at`, with the regular
    /// expression's backtracking: the first candidate end, in its order, followed by a non-word.
    fn number(text: &[u16], at: usize) -> Option<(Token, usize)> {
        let mut start = at;
        if unit(text, at) == Some(u16::from(b'-')) {
            start += 1;
        } else if at > 0 && is_word(unit(text, at - 1)) {
            return None;
        }
        let int_ends: Vec<usize> = match unit(text, start) {
            Some(0x30) => vec![start + 1],
            Some(0x31..=0x39) => (start + 1..=start + count_digits(text, start))
                .rev()
                .collect(),
            _ => return None,
        };
        for int_end in int_ends {
            let mut frac_ends = Vec::new();
            if unit(text, int_end) == Some(u16::from(b'.')) {
                let digits = count_digits(text, int_end + 1);
                frac_ends.extend((int_end + 2..=int_end + 1 + digits).rev());
            }
            frac_ends.push(int_end);
            for frac_end in frac_ends {
                let mut ends = Vec::new();
                if matches!(unit(text, frac_end), Some(0x45 | 0x65)) {
                    let mut digits_at = frac_end + 1;
                    if matches!(unit(text, digits_at), Some(0x2b | 0x2d)) {
                        digits_at += 1;
                    }
                    let digits = count_digits(text, digits_at);
                    ends.extend((digits_at + 1..=digits_at + digits).rev());
                }
                ends.push(frac_end);
                if let Some(end) = ends.into_iter().find(|&end| !is_word(unit(text, end))) {
                    let literal = ascii(text.get(at..end)?);
                    // `+token`: the grammar matched is one `parse_f64` reads the same way.
                    let value = crate::decimal::parse_f64(&literal)?;
                    return Some((Token::Value(Value::Number(value, literal)), end));
                }
            }
        }
        None
    }

    /// `"(?:[^\0-\x08\x0a-\x1f"\\]|\\(?:["/\\bfnrt]|u[0-9A-Fa-f]{4}))*"` at `at`, unescaped.
    fn string(text: &[u16], at: usize) -> Option<(Token, usize)> {
        let mut value = Vec::new();
        let mut p = at + 1;
        loop {
            match unit(text, p)? {
                0x22 => return Some((Token::Value(Value::String(value)), p + 1)),
                0x5c => {
                    let escaped = match unit(text, p + 1)? {
                        0x22 => 0x22,
                        0x2f => 0x2f,
                        0x5c => 0x5c,
                        0x62 => 0x08,
                        0x66 => 0x0c,
                        0x6e => 0x0a,
                        0x72 => 0x0d,
                        0x74 => 0x09,
                        0x75 => {
                            let hex = String::from_utf16(text.get(p + 2..p + 6)?).ok()?;
                            if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                                return None;
                            }
                            p += 4;
                            u16::from_str_radix(&hex, 16).ok()?
                        }
                        _ => return None,
                    };
                    value.push(escaped);
                    p += 2;
                }
                0x00..=0x08 | 0x0a..=0x1f => return None,
                other => {
                    value.push(other);
                    p += 1;
                }
            }
        }
    }

    fn literal(text: &[u16], at: usize, word: &str, value: Value) -> Option<(Token, usize)> {
        let end = at + word.len();
        let found = text.get(at..end)?;
        found
            .iter()
            .copied()
            .eq(word.encode_utf16())
            .then_some((Token::Value(value), end))
    }

    /// What `text.match(regex)` with the `g` flag returns, as tokens, one at a time (the parser
    /// may stop early).
    fn tokens(text: &[u16]) -> impl Iterator<Item = Token> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(first) = unit(text, at) {
                let matched = match first {
                    0x66 => literal(text, at, "false", Value::Bool(false)),
                    0x74 => literal(text, at, "true", Value::Bool(true)),
                    0x6e => literal(text, at, "null", Value::Null),
                    0x7b => Some((Token::OpenObject, at + 1)),
                    0x5b => Some((Token::OpenArray, at + 1)),
                    0x7d | 0x5d => Some((Token::Close, at + 1)),
                    0x2d | 0x30..=0x39 => number(text, at),
                    0x22 => string(text, at),
                    _ => None,
                };
                match matched {
                    Some((token, end)) => {
                        at = end;
                        return Some(token);
                    }
                    None => at += 1,
                }
            }
            None
        })
    }

    fn units(text: &str) -> Vec<u16> {
        text.encode_utf16().collect()
    }

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

    /// `Number(text)` (StringToNumber) for what an array's `length` may be set to.
    fn string_to_number(text: &[u16]) -> f64 {
        let text = String::from_utf16_lossy(text);
        let space = |c: char| (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}';
        let text = text.trim_matches(space);
        let radix = |digits: &str, radix: u32| {
            if digits.is_empty() {
                return f64::NAN;
            }
            digits
                .chars()
                .try_fold(0.0, |acc: f64, c| {
                    c.to_digit(radix)
                        .map(|d| acc * f64::from(radix) + f64::from(d))
                })
                .unwrap_or(f64::NAN)
        };
        let lower = text.get(..2).map(str::to_ascii_lowercase);
        let rest = text.get(2..).unwrap_or("");
        match (text, lower.as_deref()) {
            ("", _) => 0.0,
            ("Infinity" | "+Infinity", _) => f64::INFINITY,
            ("-Infinity", _) => f64::NEG_INFINITY,
            (_, Some("0x")) => radix(rest, 16),
            (_, Some("0o")) => radix(rest, 8),
            (_, Some("0b")) => radix(rest, 2),
            _ => {
                let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
                let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
                    Some(at) => (unsigned.get(..at).unwrap_or(""), unsigned.get(at + 1..)),
                    None => (unsigned, None),
                };
                let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
                let mantissa_ok = match mantissa.split_once('.') {
                    Some((int, frac)) => {
                        digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty())
                    }
                    None => !mantissa.is_empty() && digits(mantissa),
                };
                let exponent_ok = exponent.is_none_or(|e| {
                    let e = e.strip_prefix(['+', '-']).unwrap_or(e);
                    !e.is_empty() && digits(e)
                });
                if mantissa_ok && exponent_ok {
                    crate::decimal::parse_f64(text).unwrap_or(f64::NAN)
                } else {
                    f64::NAN
                }
            }
        }
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

        /// ToPropertyKey of a value (ToString, with `toString`/`join` for containers).
        pub fn property_key(&self, value: &Value) -> Result<Vec<u16>, Failure> {
            self.to_text(value, 0)
        }

        fn to_text(&self, value: &Value, depth: usize) -> Result<Vec<u16>, Failure> {
            if depth > MAX_DEPTH {
                return Err(Failure::Unreproducible("arrays nested too deeply"));
            }
            Ok(match value {
                Value::Null => units("null"),
                Value::Bool(flag) => units(if *flag { "true" } else { "false" }),
                Value::Number(number, token) => units(&number_text(*number, token)?),
                Value::String(text) => text.clone(),
                // An own `toString` is not callable, and `valueOf` gives back the object: TypeError.
                Value::Object(object) => match self.object_member(*object, &units("toString")) {
                    Some(_) => return Err(Failure::Throws),
                    None => units("[object Object]"),
                },
                Value::Array(array) => {
                    let Some(Container::Array(data)) = self.containers.get(*array) else {
                        return Err(Failure::Throws);
                    };
                    if data.named {
                        return Err(Failure::Unreproducible(
                            "an array with a named member used as a string",
                        ));
                    }
                    if data.length > MAX_ARRAY_LENGTH {
                        return Err(Failure::Unreproducible("a very long array"));
                    }
                    let mut text = Vec::new();
                    for index in 0..data.length {
                        if index > 0 {
                            text.push(u16::from(b','));
                        }
                        match data.item(index) {
                            None | Some(Value::Null) => {}
                            Some(item) => text.extend(self.to_text(item, depth + 1)?),
                        }
                    }
                    text
                }
            })
        }

        /// `JSON.stringify` of the root object.
        pub fn to_json(&self) -> Result<String, Failure> {
            let mut out = String::new();
            self.write_json(&Value::Object(self.root), &mut out, 0)?;
            Ok(out)
        }

        fn write_json(&self, value: &Value, out: &mut String, depth: usize) -> Result<(), Failure> {
            if depth > MAX_DEPTH {
                return Err(Failure::Unreproducible("containers nested too deeply"));
            }
            match value {
                Value::Null => out.push_str("null"),
                Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
                Value::Number(number, token) if number.is_finite() => {
                    out.push_str(&number_text(*number, token)?);
                }
                Value::Number(..) => out.push_str("null"),
                Value::String(text) => quote(text, out),
                Value::Object(object) => {
                    let Some(Container::Object(members)) = self.containers.get(*object) else {
                        return Err(Failure::Throws);
                    };
                    out.push('{');
                    for (n, (key, item)) in members.iter().enumerate() {
                        if n > 0 {
                            out.push(',');
                        }
                        quote(key, out);
                        out.push(':');
                        self.write_json(item, out, depth + 1)?;
                    }
                    out.push('}');
                }
                Value::Array(array) => {
                    let Some(Container::Array(data)) = self.containers.get(*array) else {
                        return Err(Failure::Throws);
                    };
                    if data.length > MAX_ARRAY_LENGTH {
                        return Err(Failure::Unreproducible("a very long array"));
                    }
                    out.push('[');
                    for index in 0..data.length {
                        if index > 0 {
                            out.push(',');
                        }
                        match data.item(index) {
                            Some(item) => self.write_json(item, out, depth + 1)?,
                            None => out.push_str("null"),
                        }
                    }
                    out.push(']');
                }
            }
            Ok(())
        }

        /// How a message shows a value.
        pub fn show(&self, value: &Value) -> String {
            let mut out = String::new();
            match self.write_json(value, &mut out, 0) {
                Ok(()) if out.chars().count() <= 40 => out,
                _ => "a value".into(),
            }
        }

        /// jsrsasign's `crit` check: an array of non-empty strings naming present members.
        pub fn check_critical(&self) -> Result<(), super::KjurError> {
            let wrong = || super::KjurError::CriticalHeader {
                detail: "wrong critical header (crit must be a non-empty array of member names)"
                    .into(),
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

    /// A JSON string literal as `JSON.stringify` writes it, lone surrogates as `\udxxx`.
    fn quote(text: &[u16], out: &mut String) {
        out.push('"');
        let mut run = String::new();
        for decoded in char::decode_utf16(text.iter().copied()) {
            match decoded {
                Ok(c) => run.push(c),
                Err(lone) => {
                    push_escaped(out, &run);
                    run.clear();
                    push_unicode_escape(out, lone.unpaired_surrogate());
                }
            }
        }
        push_escaped(out, &run);
        out.push('"');
    }

    /// JavaScript's Number::toString(10) of the double a number token reads as, worked out from
    /// the token's own digits. With at most 15 significant digits in the normal range, those
    /// digits (trailing zeros dropped) are the only shortest ones that read back as the same double
    /// (any two such decimals read as different doubles), and JavaScript writes the shortest. Other
    /// numbers would need a shortest-digits float formatter, about 24 KB of wasm for numbers no
    /// header holds, so they are refused.
    fn number_text(value: f64, token: &str) -> Result<String, Failure> {
        if value == 0.0 {
            return Ok("0".into());
        }
        if value.is_infinite() {
            return Ok(if value > 0.0 { "Infinity" } else { "-Infinity" }.into());
        }
        let long = Failure::Unreproducible("a number with more than 15 significant digits");
        let (sign, unsigned) = match token.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", token),
        };
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().map_err(|_| long)?),
            None => (unsigned, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = format!("{int}{frac}");
        let lead = all.bytes().take_while(|&b| b == b'0').count();
        let digits = all.get(lead..).unwrap_or("").trim_end_matches('0');
        if digits.len() > 15 || value.abs() < f64::MIN_POSITIVE {
            return Err(long);
        }
        let k = digits.len() as i64;
        let n = int.len() as i64 - lead as i64 + exponent;
        Ok(format!("{sign}{}", layout(digits, k, n)))
    }

    /// ECMA-262 Number::toString's layout of the digits `digits` (k of them) times 10^(n-k).
    fn layout(digits: &str, k: i64, n: i64) -> String {
        if k <= n && n <= 21 {
            format!("{digits}{}", "0".repeat((n - k) as usize))
        } else if 0 < n && n <= 21 {
            let (head, tail) = digits.split_at((n as usize).min(digits.len()));
            format!("{head}.{tail}")
        } else if -6 < n && n <= 0 {
            format!("0.{}{digits}", "0".repeat((-n) as usize))
        } else {
            let sign = if n - 1 < 0 { '-' } else { '+' };
            let (first, rest) = digits.split_at(1.min(digits.len()));
            let point = if rest.is_empty() { "" } else { "." };
            format!("{first}{point}{rest}e{sign}{}", (n - 1).abs())
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn parse(text: &str) -> Result<String, Failure> {
            parse_object(&units(text))?.to_json()
        }

        #[test]
        fn numbers_are_written_as_javascript_writes_them() {
            // Expected spellings: String(+token) in Node 20.
            let cases = [
                ("1e21", "1e+21"),
                ("1E+21", "1e+21"),
                ("100000000000000000000", "100000000000000000000"),
                ("1.5e-7", "1.5e-7"),
                ("0.0000001", "1e-7"),
                ("0.000001", "0.000001"),
                ("-0", "0"),
                ("0.000e5", "0"),
                ("1e-400", "0"),
                ("1e400", "Infinity"),
                ("-12.50", "-12.5"),
                ("123.456e1", "1234.56"),
                ("0.1", "0.1"),
                ("1e5", "100000"),
                ("123456789012345e-20", "0.00000123456789012345"),
            ];
            for (token, expected) in cases {
                let value = token.parse::<f64>().unwrap_or(f64::NAN);
                assert_eq!(
                    number_text(value, token).as_deref(),
                    Ok(expected),
                    "{token}"
                );
            }
            // 16 or more significant digits, or subnormal: refused rather than guessed.
            for token in [
                "123456789012345678",
                "2.2250738585072014e-308",
                "5e-324",
                "0.1000000000000000055",
            ] {
                let value = token.parse::<f64>().unwrap_or(f64::NAN);
                assert!(number_text(value, token).is_err(), "{token}");
            }
        }

        #[test]
        fn the_lenient_parser_reads_what_json_sans_eval_reads() {
            // Each expected text is JSON.stringify(jsonParse(text)) from jsrsasign 11.1.5 in Node.
            assert_eq!(
                parse(r#"{"typ" "JWT",}"#).as_deref(),
                Ok(r#"{"typ":"JWT"}"#)
            );
            assert_eq!(
                parse(r#"{"a" 1 2}"#).as_deref(),
                Ok(r#"{"a":1,"undefined":2}"#)
            );
            assert_eq!(parse(r#"1 {"0"} {}"#).as_deref(), Ok("{}"));
            assert_eq!(parse(r#"{}}"a""#).as_deref(), Ok("{}"));
            assert_eq!(
                parse(r#"{"b":1,"2":3,"a":4,"1":5,"4294967295":6}"#).as_deref(),
                Ok(r#"{"1":5,"2":3,"b":1,"a":4,"4294967295":6}"#)
            );
            assert_eq!(
                parse(r#"{"x":[1e400,-0,1.50]}"#).as_deref(),
                Ok(r#"{"x":[null,0,1.5]}"#)
            );
            assert_eq!(
                parse(r#"{"x":"\ud800"}"#).as_deref(),
                Ok(r#"{"x":"\ud800"}"#)
            );
            assert_eq!(
                parse(r#"{"n":-1.5a 12x 7}"#).as_deref(),
                Ok(r#"{"n":-1,"undefined":7}"#)
            );
            assert_eq!(
                parse(r#"{"l":[{"length"} 3]}"#).as_deref(),
                Ok(r#"{"l":[{},null,null]}"#)
            );
            assert_eq!(
                parse(r#"{"l":[{"length"} " 0x2 "]}"#).as_deref(),
                Ok(r#"{"l":[{},null]}"#)
            );
            assert_eq!(
                parse(r#"{"l":[{"length"} []]}"#).as_deref(),
                Ok(r#"{"l":[]}"#)
            );
            assert_eq!(
                parse(r#"{"length":[1,[2,null]],5}"#).as_deref(),
                Ok(r#"{"length":[1,[2,null]],"1,2,":5}"#)
            );
            assert_eq!(
                parse(r#"{"length":{},5}"#).as_deref(),
                Ok(r#"{"length":{},"[object Object]":5}"#)
            );
            assert_eq!(
                parse(r#"{"length":{"toString":1},5}"#),
                Err(Failure::Throws)
            );
            assert_eq!(parse(r#"{"l":[{"length"} {}]}"#), Err(Failure::Throws));
            assert_eq!(
                parse(r#"{"l":[{"length"} "3"] }"#).as_deref(),
                Ok(r#"{"l":[{},null,null]}"#)
            );
            assert_eq!(
                parse(r#"{"length":"k",5}"#).as_deref(),
                Ok(r#"{"length":"k","k":5}"#)
            );
            assert_eq!(parse(r#"["a"]"#), Err(Failure::Throws));
            assert_eq!(parse(r#"{"a":1"#), Err(Failure::Throws));
            assert_eq!(parse("null"), Err(Failure::Throws));
            assert_eq!(parse(""), Err(Failure::Throws));
            assert_eq!(parse(r#"{"l":[{"length"} 1.5]}"#), Err(Failure::Throws));
            assert_eq!(
                parse(r#"{"__proto__":{}}"#),
                Err(Failure::Unreproducible("a member named __proto__"))
            );
        }

        #[test]
        fn array_lengths_read_strings_as_number_does() {
            for (text, expected) in [
                (" 3 ", 3.0),
                ("0x10", 16.0),
                ("", 0.0),
                ("1e1", 10.0),
                (".5", 0.5),
            ] {
                assert_eq!(string_to_number(&units(text)), expected, "{text:?}");
            }
            for text in ["abc", "1e", "0x", "- 1", "infinity", "NaN", "."] {
                assert!(string_to_number(&units(text)).is_nan(), "{text:?}");
            }
        }
    }
}
