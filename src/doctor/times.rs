//! The time claims: seconds, integers, the lifetime Zoom allows, and this clock.

use super::claims::describe_claim;
use super::json::{self, Json};
use super::{Doctor, FindingCode, Severity};
use crate::meeting::{MAX_EXPIRATION_SECONDS, MILLISECONDS_FROM, MIN_EXPIRATION_SECONDS};

const EXPIRES_SOON_SECONDS: i64 = 300;

/// A time claim read as seconds, when it can be.
struct Time {
    seconds: Option<i64>,
}

/// A time written as a string, read as `Number()` reads decimal text; `None` when it is not one
/// (`inf`, `nan` and the like, which std's parser would take, are not decimal numbers).
fn decimal(text: &str) -> Option<f64> {
    let decimal_symbols = |c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E');
    if text.is_empty() || !text.chars().all(decimal_symbols) {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Doctor<'_> {
    /// Reads a time claim, reporting strings, fractions and milliseconds.
    fn time(&mut self, payload: &Json, name: &str) -> Option<Time> {
        let value = payload.get(name)?;
        let number = match value {
            Json::Number(_) => json::number(value).map(|(value, _)| value),
            Json::String(text) => decimal(text.trim()),
            _ => None,
        };
        let Some(number) = number else {
            self.add(
                FindingCode::TimeNotInteger,
                Severity::Error,
                Some(name),
                format!(
                    "{name} is {}, not seconds since the epoch.",
                    describe_claim(Some(value))
                ),
                format!("Write {name} as a whole JSON number of seconds."),
                &[3712, 3705],
            );
            return Some(Time { seconds: None });
        };
        if matches!(value, Json::String(_)) || number.fract() != 0.0 {
            self.add(
                FindingCode::TimeNotInteger,
                Severity::Error,
                Some(name),
                format!(
                    "{name} is {}; Zoom wants a whole number of seconds, not a string or a fraction.",
                    describe_claim(Some(value))
                ),
                format!("Write {name} as an integer JSON number, e.g. Math.floor(Date.now() / 1000)."),
                &[3712],
            );
        }
        if number.abs() >= MILLISECONDS_FROM as f64 {
            self.add(
                FindingCode::TimeInMilliseconds,
                Severity::Error,
                Some(name),
                format!("{name} is in milliseconds; Zoom wants seconds since the epoch."),
                match name {
                    "iat" => "Divide by 1000: iat = Math.floor(Date.now() / 1000) - 30 (seconds, \
                              back-dated 30 s for clock differences)."
                        .to_string(),
                    "exp" => "Divide by 1000: exp = iat + 7200, in seconds (1800 to 172800 after \
                              iat)."
                        .to_string(),
                    _ => format!("Divide by 1000: {name} = exp, in seconds."),
                },
                &[3712, 3705],
            );
            return Some(Time { seconds: None });
        }
        Some(Time {
            seconds: Some(number.floor() as i64),
        })
    }

    /// The time claims; `tokenExp` too for a Meeting SDK signature (`with_token_exp`).
    pub(super) fn check_times(&mut self, payload: &Json, with_token_exp: bool) {
        let iat = self.time(payload, "iat");
        let exp = self.time(payload, "exp");
        let token_exp = if with_token_exp {
            self.time(payload, "tokenExp")
        } else {
            Some(Time { seconds: None })
        };
        if iat.is_none() {
            self.add(
                FindingCode::IatMissing,
                Severity::Error,
                Some("iat"),
                "The payload has no iat (issued-at).",
                "Add iat: seconds since the epoch, a little in the past (now - 30).",
                &[3712],
            );
        }
        if exp.is_none() {
            self.add(
                FindingCode::ExpMissing,
                Severity::Error,
                Some("exp"),
                "The payload has no exp (expiry).",
                "Add exp: iat plus 1800 to 172800 seconds (Zoom's samples use 7200).",
                &[3712, 3705],
            );
        }
        if token_exp.is_none() {
            self.add(
                FindingCode::TokenExpMissing,
                Severity::Warning,
                Some("tokenExp"),
                "The payload has no tokenExp; every current Zoom sample sends it, equal to exp.",
                "Add tokenExp with the same value as exp.",
                &[],
            );
        }
        let iat = iat.and_then(|t| t.seconds);
        let exp = exp.and_then(|t| t.seconds);
        let token_exp = token_exp.and_then(|t| t.seconds);
        self.report.issued_at = iat;
        self.report.expires_at = exp;
        let now = self.now;

        if let Some(iat) = iat.filter(|iat| *iat > now) {
            let ahead = iat - now;
            self.add(
                FindingCode::IatInFuture,
                Severity::Error,
                Some("iat"),
                format!(
                    "iat is {} ahead of this clock: either the clock that made the token is fast, \
                     or this one is slow. Zoom refuses tokens issued in the future.",
                    describe_seconds(ahead)
                ),
                "Back-date iat: iat = now - 30 (or up to - 120 for slow clocks), and keep the \
                 signing machine's clock synchronised (NTP).",
                &[3712, 3705],
            );
        }
        if let Some(exp) = exp {
            if exp <= now {
                self.add(
                    FindingCode::Expired,
                    Severity::Error,
                    Some("exp"),
                    format!("The signature expired {} ago.", describe_seconds(now - exp)),
                    "Make a new signature; join within its lifetime.",
                    &[3705],
                );
            } else if exp - now < EXPIRES_SOON_SECONDS {
                self.add(
                    FindingCode::ExpiresSoon,
                    Severity::Warning,
                    Some("exp"),
                    format!("The signature expires in {}.", describe_seconds(exp - now)),
                    "Make a fresh signature just before joining.",
                    &[3705],
                );
            }
        }
        if let (Some(iat), Some(exp)) = (iat, exp) {
            let lifetime = exp - iat;
            if lifetime < MIN_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::ExpTooShort,
                    Severity::Error,
                    Some("exp"),
                    format!(
                        "exp is {lifetime} s after iat; Zoom requires at least 1800 s (30 minutes)."
                    ),
                    "Set exp = iat + a value from 1800 to 172800 (e.g. 7200).",
                    &[3712, 3705],
                );
            } else if lifetime > MAX_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::ExpTooLong,
                    Severity::Error,
                    Some("exp"),
                    format!(
                        "exp is {} after iat; Zoom allows at most 48 hours.",
                        describe_seconds(lifetime)
                    ),
                    "Set exp = iat + a value from 1800 to 172800 (e.g. 7200).",
                    &[3712],
                );
            }
        }
        if let (Some(iat), Some(token_exp)) = (iat, token_exp) {
            if token_exp - iat < MIN_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::TokenExpTooShort,
                    Severity::Error,
                    Some("tokenExp"),
                    format!(
                        "tokenExp is {} s after iat; it must be at least 1800 s.",
                        token_exp - iat
                    ),
                    "Set tokenExp equal to exp.",
                    &[3712],
                );
            }
        }
    }
}

fn describe_seconds(seconds: i64) -> String {
    let seconds = seconds.max(0);
    if seconds < 120 {
        format!("{seconds} s")
    } else if seconds < 7200 {
        format!("{} min", seconds / 60)
    } else if seconds < 172_800 {
        format!("{} h {} min", seconds / 3600, seconds % 3600 / 60)
    } else {
        format!("{} days", seconds / 86_400)
    }
}
