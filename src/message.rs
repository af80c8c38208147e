//! Messages put together without `core::fmt`: on the signing path, formatting machinery was about
//! 4 KB of the signer-only module for what is only ever text and integers in a row.

use crate::json_text::push_integer;

/// Something a message can contain.
pub trait Piece {
    /// Appends this piece to `out`.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for i64 {
    fn push_to(&self, out: &mut String) {
        push_integer(out, *self);
    }
}

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        push_integer(out, i64::try_from(*self).unwrap_or(i64::MAX));
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// `message!["Unknown option `", name, "`."]`: the pieces in a row, as one `String`.
macro_rules! message {
    ($($piece:expr),+ $(,)?) => {{
        let mut out = String::new();
        $(crate::message::Piece::push_to(&$piece, &mut out);)+
        out
    }};
}
pub(crate) use message;

#[cfg(test)]
mod tests {
    #[test]
    fn puts_pieces_in_a_row() {
        let name = String::from("sdkKy");
        let digits: usize = 12;
        assert_eq!(
            message![
                "Unknown `",
                name,
                "` (",
                digits,
                " digits, ",
                -5i64,
                ")",
                ""
            ],
            format!("Unknown `{name}` ({digits} digits, -5)")
        );
    }
}
