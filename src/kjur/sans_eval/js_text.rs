//! Writing what the parser built as JavaScript would: `String(value)` for property keys,
//! `JSON.stringify` for the rewritten header, `Number(text)` for array lengths.

use super::lexer::units;
use super::{Container, Document, Failure, MAX_ARRAY_LENGTH, MAX_DEPTH, Value};
use crate::kjur::stringify::{push_escaped, push_unicode_escape};

impl Document {
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
}

/// `Number(text)` (StringToNumber) for what an array's `length` may be set to.
pub(super) fn string_to_number(text: &[u16]) -> f64 {
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
                text.parse::<f64>().unwrap_or(f64::NAN)
            } else {
                f64::NAN
            }
        }
    }
}

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
pub(super) fn number_text(value: f64, token: &str) -> Result<String, Failure> {
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
