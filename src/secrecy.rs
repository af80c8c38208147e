//! Keeping the secret out of what zoomsig shows. Messages quote what the caller gave (an unknown
//! option's name, a value that is not a region code), and a careless caller gives the secret in
//! the wrong place; every text shown passes through [`redacted`] first.

use crate::input::InputValue;

/// A secret this short cannot be told apart from ordinary text, so it is not searched for.
const SHORTEST_REDACTED_SECRET: usize = 4;

/// What stands in for the secret.
pub const REDACTED: &str = "[the secret]";

/// Whether `secret` is long enough to be told apart from ordinary text.
pub fn can_redact(secret: &str) -> bool {
    secret.chars().count() >= SHORTEST_REDACTED_SECRET
}

/// `text` with each `secret` in it replaced by `with`, and so is a quote of the secret that
/// [`crate::spelling::shortened`] cut short (its first characters and an ellipsis); `None` when
/// there is neither.
pub fn redacted(text: &str, secret: &str, with: &str) -> Option<String> {
    if !can_redact(secret) {
        return None;
    }
    let whole = text.contains(secret).then(|| text.replace(secret, with));
    let text = whole.as_deref().unwrap_or(text);
    let mut out = String::new();
    let mut copied = 0;
    for (at, _) in text.match_indices('\u{2026}') {
        // The quote's start: after the last quote mark or space before the ellipsis.
        let before = text.get(copied..at).unwrap_or_default();
        let start = before
            .rfind(['"', '`', '\'', ' '])
            .map_or(0, |quote| quote + 1);
        let quoted = before.get(start..).unwrap_or_default();
        if quoted.chars().count() >= SHORTEST_REDACTED_SECRET && secret.starts_with(quoted) {
            out.push_str(before.get(..start).unwrap_or_default());
            out.push_str(with);
            copied = at + '\u{2026}'.len_utf8();
        }
    }
    if copied == 0 {
        return whole;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Some(out)
}

/// The secrets an options object gives (`sdkSecret`, `clientSecret`), to redact from what a
/// refusal of it says.
pub fn secrets_in(options: &InputValue) -> Vec<&str> {
    let InputValue::Object(members) = options else {
        return Vec::new();
    };
    members
        .iter()
        .filter(|(name, _)| name == "sdkSecret" || name == "clientSecret")
        .filter_map(|(_, value)| match value {
            InputValue::String(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_secret_and_a_quote_of_it_cut_short() {
        let secret = "Sup3rSecretValue42-and-more";
        assert_eq!(
            redacted(&format!("Unknown option `{secret}`."), secret, REDACTED).as_deref(),
            Some("Unknown option `[the secret]`.")
        );
        let cut = crate::spelling::shortened(secret, 20);
        assert_eq!(
            redacted(
                &format!("\"{cut}\" is not a region code."),
                secret,
                REDACTED
            )
            .as_deref(),
            Some("\"[the secret]\" is not a region code.")
        );
        assert_eq!(redacted("\"US,XX\u{2026}\" is not", secret, REDACTED), None);
        assert_eq!(redacted("nothing here", secret, REDACTED), None);
        assert_eq!(redacted("abc abc", "abc", REDACTED), None);
    }
}
