//! `KJUR.jws.JWS.sign`: the header as jsrsasign makes it (given, rewritten or serialised), then
//! the JWS over it.

use super::args::{AlgArg, AlgMember, HeaderArg, HeaderObject, PayloadArg, Signed};
use super::{KeyArg, KjurError, mac_key, sans_eval};
use crate::jws::{HmacAlgorithm, sign_compact};

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

/// A text header: the text as given when it has `alg`, else jsrsasign's re-serialisation.
fn text_header(
    units: &[u16],
    argument: Option<&str>,
) -> Result<(String, HmacAlgorithm), KjurError> {
    let failed = |failure| match failure {
        sans_eval::Failure::Throws => KjurError::HeaderNotJson,
        sans_eval::Failure::Unreproducible(reason) => KjurError::HeaderUnreproducible { reason },
        sans_eval::Failure::TooDeep => KjurError::HeaderTooDeep,
        sans_eval::Failure::TooLarge => KjurError::HeaderTooLarge,
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
