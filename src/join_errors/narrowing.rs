//! An error's causes narrowed by the report of the token that was joined with: the findings that
//! lead to the error (`found`), the causes the report's checks exclude (`ruled_out`) and those that
//! stay open (`remaining`, most likely first), with fixes that follow what remains.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::codes::JoinCause;
use crate::doctor::{Cause, FindingCode, Report, found_causes};
use crate::input::InputValue;

/// What explaining needs of an `inspectSignature` report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportFacts {
    /// The token's kind (`meeting-sdk`, `video-sdk`, ...), empty when not said.
    pub kind: String,
    /// The report's findings.
    pub findings: Vec<FindingFact>,
    /// The causes it ruled out, and why.
    pub ruled_out: Vec<(String, String)>,
    /// The causes it left open, most likely first: code, message, check.
    pub remaining: Vec<(String, String, String)>,
}

/// One finding of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingFact {
    /// Its code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
    /// The join errors it typically leads to.
    pub zoom_errors: Vec<i64>,
}

impl ReportFacts {
    /// The facts of a report made here.
    pub fn from_report(report: &Report) -> Self {
        Self {
            kind: report.kind.as_str().into(),
            findings: report
                .findings
                .iter()
                .map(|finding| FindingFact {
                    code: finding.code.as_str().into(),
                    severity: finding.severity.as_str().into(),
                    message: finding.message.clone(),
                    fix: finding.fix.clone(),
                    zoom_errors: finding.zoom_errors.to_vec(),
                })
                .collect(),
            ruled_out: report
                .ruled_out
                .iter()
                .map(|r| (r.code.as_str().into(), r.because.clone()))
                .collect(),
            remaining: report
                .remaining
                .iter()
                .map(|r| (r.code.as_str().into(), r.message.clone(), r.check.clone()))
                .collect(),
        }
    }

    /// The facts of a report handed back from JavaScript; `None` when it is not one (no
    /// `findings` list).
    pub fn from_input(input: &InputValue) -> Option<Self> {
        let InputValue::Array(findings) = member(input, "findings")? else {
            return None;
        };
        let items = |name: &str| match member(input, name) {
            Some(InputValue::Array(items)) => items.as_slice(),
            _ => &[],
        };
        Some(Self {
            kind: text(input, "kind"),
            findings: findings
                .iter()
                .map(|item| FindingFact {
                    code: text(item, "code"),
                    severity: text(item, "severity"),
                    message: text(item, "message"),
                    fix: text(item, "fix"),
                    zoom_errors: match member(item, "zoomErrors") {
                        Some(InputValue::Array(codes)) => codes
                            .iter()
                            .filter_map(|code| match code {
                                InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => {
                                    Some(*n as i64)
                                }
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    },
                })
                .collect(),
            ruled_out: items("ruledOut")
                .iter()
                .map(|item| (text(item, "code"), text(item, "because")))
                .collect(),
            remaining: items("remaining")
                .iter()
                .map(|item| {
                    (
                        text(item, "code"),
                        text(item, "message"),
                        text(item, "check"),
                    )
                })
                .collect(),
        })
    }
}

/// An object's member `name`.
fn member<'a>(value: &'a InputValue, name: &str) -> Option<&'a InputValue> {
    match value {
        InputValue::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
        _ => None,
    }
}

/// An object's member `name` when it is a string, else empty.
fn text(value: &InputValue, name: &str) -> String {
    match member(value, name) {
        Some(InputValue::String(text)) => text.clone(),
        _ => String::new(),
    }
}

/// A finding of the report that leads to the error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The finding's code.
    pub finding: String,
    /// The cause of the error it shows, when it shows one of them.
    pub cause: Option<&'static str>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
}

/// A cause of the error the report excludes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    /// The cause.
    pub code: &'static str,
    /// What the report checked that excludes it.
    pub because: String,
}

/// A cause of the error the report could not confirm or exclude.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Open {
    /// The cause.
    pub code: &'static str,
    /// What it is.
    pub message: String,
    /// How to check it by hand.
    pub check: String,
}

/// An explanation narrowed by a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowed {
    /// The report's findings that lead to this error.
    pub found: Vec<Found>,
    /// The error's causes the report excludes.
    pub ruled_out: Vec<Excluded>,
    /// The error's causes still open, most likely first.
    pub remaining: Vec<Open>,
    /// What to do: the found findings' fixes, then how to check what remains.
    pub fixes: Vec<String>,
}

/// Narrows `causes` (an error's, with `code`) by what the report says.
pub fn narrow(
    code: Option<i64>,
    causes: &[JoinCause],
    first_fix: Option<&str>,
    facts: &ReportFacts,
) -> Narrowed {
    let finding_codes: Vec<FindingCode> = facts
        .findings
        .iter()
        .filter_map(|f| FindingCode::from_name(&f.code))
        .collect();
    let shown = found_causes(&finding_codes);
    let cause_of = |finding: &str| {
        shown
            .iter()
            .find(|(code, _)| code.as_str() == finding)
            .map(|(_, cause)| *cause)
    };
    let mut codes: Vec<&'static str> = Vec::new();
    for cause in causes {
        if !codes.contains(&cause.code) {
            codes.push(cause.code);
        }
    }
    let mut narrowed = Narrowed::default();
    for finding in &facts.findings {
        let serious = matches!(finding.severity.as_str(), "error" | "warning");
        let cause = cause_of(&finding.code)
            .map(Cause::as_str)
            .and_then(|name| codes.iter().find(|c| **c == name).copied());
        let leads_here = cause.is_some() || code.is_some_and(|c| finding.zoom_errors.contains(&c));
        if serious && leads_here {
            narrowed.found.push(Found {
                finding: finding.code.clone(),
                cause,
                message: finding.message.clone(),
                fix: finding.fix.clone(),
            });
        }
    }
    let found: Vec<&'static str> = narrowed.found.iter().filter_map(|f| f.cause).collect();
    let open: Vec<&'static str> = codes
        .iter()
        .copied()
        .filter(|code| !found.contains(code))
        .filter(
            |code| match facts.ruled_out.iter().find(|(c, _)| c == code) {
                Some((_, because)) => {
                    narrowed.ruled_out.push(Excluded {
                        code,
                        because: because.clone(),
                    });
                    false
                }
                None => true,
            },
        )
        .collect();
    // The report's own ranking first, then the error's other causes in the table's order.
    for (name, message, check) in &facts.remaining {
        if let Some(code) = open.iter().find(|c| *c == name) {
            narrowed.remaining.push(Open {
                code,
                message: message.clone(),
                check: check.clone(),
            });
        }
    }
    for code in open {
        if narrowed.remaining.iter().any(|r| r.code == code) {
            continue;
        }
        let text = causes
            .iter()
            .find(|c| c.code == code)
            .map_or("", |c| c.text);
        narrowed.remaining.push(Open {
            code,
            message: text.into(),
            check: first_fix.unwrap_or_default().into(),
        });
    }
    for fix in narrowed
        .found
        .iter()
        .map(|f| &f.fix)
        .chain(narrowed.remaining.iter().map(|r| &r.check))
    {
        if !fix.is_empty() && !narrowed.fixes.contains(fix) {
            narrowed.fixes.push(fix.clone());
        }
    }
    narrowed
}

impl Serialize for Found {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("code", &self.finding)?;
        map.serialize_entry("cause", &self.cause)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("fix", &self.fix)?;
        map.end()
    }
}

impl Serialize for Excluded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("code", self.code)?;
        map.serialize_entry("because", &self.because)?;
        map.end()
    }
}

impl Serialize for Open {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("code", self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("check", &self.check)?;
        map.end()
    }
}
