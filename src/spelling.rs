//! Names as people misspell them: the option or claim a caller most likely meant by a name that is
//! not one, and names shortened for messages.

/// Names longer than this are not anyone's spelling of an option: they get no suggestion (which
/// costs time in proportion to the name's length) and are shortened in messages.
pub const MAX_SUGGESTED_NAME: usize = 64;

/// A name as people misspell it: lower case, without `_`, `-` or spaces.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A name as a message or an error's `field` shows it: shortened past [`MAX_SUGGESTED_NAME`]
/// characters, so that a huge name does not make a huge error.
pub fn shown_name(name: &str) -> String {
    shortened(name, MAX_SUGGESTED_NAME)
}

/// `text` cut after `max_chars` characters, with an ellipsis when it was cut.
pub fn shortened(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}\u{2026}", text.get(..cut).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// The name in `known` that `name` most likely means: the same once normalised, an alias
/// (normalised spelling, name meant), or the nearest within a few edits.
pub fn closest(
    name: &str,
    known: &[&'static str],
    aliases: &[(&str, &'static str)],
) -> Option<&'static str> {
    if name.chars().nth(MAX_SUGGESTED_NAME).is_some() {
        return None;
    }
    let wanted = normalise_name(name);
    if let Some(exact) = known.iter().find(|k| normalise_name(k) == wanted) {
        return Some(exact);
    }
    if let Some((_, meant)) = aliases.iter().find(|(alias, _)| *alias == wanted) {
        return Some(meant);
    }
    known
        .iter()
        .map(|k| (edit_distance(&normalise_name(k), &wanted), *k))
        .filter(|(distance, _)| *distance <= (wanted.len() / 4).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = Vec::with_capacity(row.len());
        next.push(i + 1);
        for ((cb, diagonal), above) in b.iter().zip(&row).zip(row.iter().skip(1)) {
            let left = next.last().map_or(i + 1, |l| *l);
            next.push(
                (diagonal + usize::from(ca != *cb))
                    .min(above + 1)
                    .min(left + 1),
            );
        }
        row = next;
    }
    row.last().map_or(0, |d| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn long_names_are_shortened_and_get_no_suggestion() {
        let long = "x".repeat(100);
        assert_eq!(closest(&long, &["x"], &[]), None);
        assert_eq!(shown_name(&long).chars().count(), MAX_SUGGESTED_NAME + 1);
        assert!(shown_name(&long).ends_with('\u{2026}'));
        assert_eq!(shown_name("short"), "short");
    }
}
