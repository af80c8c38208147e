//! Meeting numbers as people type and paste them: digits, digits grouped with spaces or dashes,
//! join links; and the check that a meeting number is one.

use super::{MEETING_NUMBER_DIGITS, MeetingNumber};
use crate::error::{ErrorCode, SignatureError};
use crate::input::InputValue;

pub(super) fn check_meeting_number(number: &MeetingNumber) -> Result<(), SignatureError> {
    let digits = match number {
        MeetingNumber::Text(text) => {
            if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
                return Err(meeting_number_not_digits(text));
            }
            text.len()
        }
        MeetingNumber::Number(number) => number.checked_ilog10().map_or(1, |log| log as usize + 1),
    };
    if !MEETING_NUMBER_DIGITS.contains(&digits) {
        return Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            format!(
                "meetingNumber has {} digits, but a Zoom meeting ID has 9 to 11: \
                 copy the meeting ID from the invite (e.g. 85746065432).",
                digits
            ),
        ));
    }
    Ok(())
}

fn meeting_number_not_digits(text: &str) -> SignatureError {
    let message = match digits_only_form(text) {
        Some(digits) if JOIN_LINK_MARKERS.iter().any(|m| text.contains(m)) => {
            format!(
                "meetingNumber is a meeting link, not a meeting number: use the digits from it, \"{}\".",
                digits
            )
        }
        Some(digits) => format!(
            "meetingNumber must be digits only, without spaces or dashes: use \"{}\".",
            digits
        ),
        None => "meetingNumber must be the meeting ID, 9 to 11 digits with nothing else \
                 (e.g. \"85746065432\"), as a string or a number."
            .to_string(),
    };
    SignatureError::new(ErrorCode::InvalidMeetingNumber, "meetingNumber", message)
}

/// The digits of a meeting number as typed or pasted: digits alone as they are (whatever their
/// count, so that the length check can speak), else [`digits_only_form`].
pub fn meeting_number_digits(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Some(trimmed.to_string());
    }
    digits_only_form(trimmed)
}

/// [`meeting_number_digits`] of whatever a JavaScript caller passed: a string as typed, a whole
/// number as Zoom's samples hold one after `parseInt`; `None` for null and undefined, and for any
/// other number. Other values are a caller's mistake, refused rather than answered `None`.
pub fn meeting_number_digits_of(value: &InputValue) -> Result<Option<String>, SignatureError> {
    match value {
        InputValue::String(text) => Ok(meeting_number_digits(text)),
        InputValue::Number(n) if n.fract() == 0.0 && (0.0..1e15).contains(n) => {
            Ok(Some((*n as u64).to_string()))
        }
        InputValue::Number(_) | InputValue::Undefined | InputValue::Null => Ok(None),
        other => Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            format!(
                "meetingNumberDigits takes the meeting number as typed or pasted (a string) or as \
                 a number; got {}.",
                other.describe()
            ),
        )),
    }
}

/// What precedes the meeting ID in Zoom's join, web-client and start links.
const JOIN_LINK_MARKERS: [&str; 3] = ["/j/", "/w/", "/s/"];

/// The digits-only meeting number that a pasted value most likely means: digits grouped with
/// spaces, dashes or dots (`857 4606 5432`), or the ID in a join link (`https://zoom.us/j/85746065432?pwd=...`).
pub fn digits_only_form(text: &str) -> Option<String> {
    let trimmed = text.trim();
    for marker in JOIN_LINK_MARKERS {
        if let Some(at) = trimmed.find(marker) {
            let rest = trimmed.get(at + marker.len()..).unwrap_or_default();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            return MEETING_NUMBER_DIGITS
                .contains(&digits.len())
                .then_some(digits);
        }
    }
    let grouped = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '\u{a0}'));
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    (grouped && MEETING_NUMBER_DIGITS.contains(&digits.len())).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only_form_reads_pasted_numbers() {
        assert_eq!(
            digits_only_form("857 4606 5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(
            digits_only_form("857-4606-5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(
            digits_only_form("https://us05web.zoom.us/j/85746065432?pwd=abc").as_deref(),
            Some("85746065432")
        );
        assert_eq!(digits_only_form("12 34"), None);
        assert_eq!(
            meeting_number_digits(" 12345678 ").as_deref(),
            Some("12345678")
        );
        assert_eq!(
            meeting_number_digits("857 4606 5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(meeting_number_digits("room 5"), None);
        assert_eq!(digits_only_form("meeting 857 4606 5432"), None);
    }
}
