//! What KJUR refuses, and what it warns about when it signs.

use std::fmt;

use super::sans_eval;

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
    /// An object in the header string has more than 1000 members (jsrsasign signs it; no header
    /// needs it, and refusing keeps the parser linear: each member is looked up among the others).
    HeaderTooLarge,
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
            Self::HeaderTooLarge => "HEADER_TOO_LARGE",
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

/// An algorithm as a message shows it: as given when it could be a name, described when it is
/// too long for one. Such a string is usually the secret passed first, where the algorithm goes,
/// and a message must not repeat it. `shown` is the text itself or, when `described`, how a
/// message writes a value (quoted when it is a string).
fn shown_alg(shown: &str, described: bool) -> String {
    const LONGEST_SHOWN: usize = 12;
    let quoted = shown.len() >= 2 && shown.starts_with(['\'', '"']) && shown.ends_with(['\'', '"']);
    let length = match (described, quoted) {
        (false, _) => shown.chars().count(),
        (true, true) => shown.chars().count() - 2,
        (true, false) => 0,
    };
    if length > LONGEST_SHOWN {
        format!(
            "(a string of {length} characters, too long for an algorithm name: is it the secret, \
             passed where the algorithm goes?)"
        )
    } else {
        shown.to_string()
    }
}

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
                "alg and the header's alg do not match: {} != {} (jsrsasign: \
                 \"alg and sHeader.alg doesn't match\"). Pass the same algorithm in both, or null \
                 as alg.",
                shown_alg(argument, false),
                shown_alg(header, true)
            ),
            Self::UnsupportedAlg { alg } => {
                write!(
                    f,
                    "unsupported algorithm {}: {SUPPORTED}.",
                    shown_alg(alg, true)
                )
            }
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
            Self::HeaderTooLarge => write!(
                f,
                "an object in the header string has more than {} members, which no JWS header \
                 needs; pass a header such as '{{\"alg\":\"HS256\",\"typ\":\"JWT\"}}'.",
                sans_eval::MAX_MEMBERS
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
                "algorithm {} not accepted in the list of acceptable algorithms.",
                shown_alg(&format!("'{alg}'"), true)
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
