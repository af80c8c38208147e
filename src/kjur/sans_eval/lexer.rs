//! The tokens json-sans-eval's one regular expression matches, found as that expression finds
//! them (its backtracking included).

use super::Value;

#[derive(Debug)]
pub(super) enum Token {
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
                // `+token`: the grammar matched is one std's float parsing reads the same way.
                let value = literal.parse::<f64>().ok()?;
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
pub(super) fn tokens(text: &[u16]) -> impl Iterator<Item = Token> + '_ {
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

pub(super) fn units(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}
