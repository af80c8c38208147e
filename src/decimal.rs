//! Decimal number text to the nearest `f64`, the value JavaScript's `Number()` gives.
//!
//! The standard library's parser would do, but it carries a 10 KB table of powers of five into the
//! wasm (about a seventh of the gzipped package). Common inputs (up to 15 digits, exponents up to
//! 22) take the exact float fast path; the rest take a slow exact path on big integers.

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (the digits before or after the point may be
/// missing, not both) and rounds to nearest, ties to even. `None` for anything else, including
/// `inf` and `nan`, which callers treat as not a number.
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, unsigned) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let int_len = unsigned.iter().take_while(|b| b.is_ascii_digit()).count();
    let (int, rest) = unsigned.split_at(int_len);
    let (frac, rest) = match rest.split_first() {
        Some((b'.', after)) => {
            let frac_len = after.iter().take_while(|b| b.is_ascii_digit()).count();
            after.split_at(frac_len)
        }
        _ => (&[][..], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exponent = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', after)) => exponent_value(after)?,
        Some(_) => return None,
    };
    let magnitude = nearest(int, frac, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// `[+-]digits` as a number, saturated far beyond where every result is 0 or infinity.
fn exponent_value(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().fold(0i64, |value, digit| {
        (value * 10 + i64::from(digit - b'0')).min(1_000_000)
    });
    Some(if negative { -value } else { value })
}

/// Significant digits kept. A halfway point between two doubles has at most 767 significant
/// digits, so past 800 the rest only matters as "more than zero" (the sticky flag).
const MAX_DIGITS: usize = 800;

/// Exact powers of ten as doubles (10^22 is the largest that is exact).
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn nearest(int: &[u8], frac: &[u8], exponent: i64) -> f64 {
    // value = digits × 10^exponent, with the digits stripped of leading and trailing zeros.
    let all = int.iter().chain(frac).copied();
    let mut digits: Vec<u8> = all.skip_while(|&d| d == b'0').map(|d| d - b'0').collect();
    let mut exponent = exponent - frac.len() as i64;
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    let mut sticky = false;
    if digits.len() > MAX_DIGITS {
        sticky = digits
            .get(MAX_DIGITS..)
            .is_some_and(|rest| rest.iter().any(|&d| d != 0));
        exponent += (digits.len() - MAX_DIGITS) as i64;
        digits.truncate(MAX_DIGITS);
    }
    if digits.is_empty() {
        return 0.0;
    }
    let count = digits.len() as i64;
    // The value lies in [10^(count - 1 + exponent), 10^(count + exponent)).
    if count + exponent > 310 {
        return f64::INFINITY;
    }
    if count + exponent < -324 {
        return 0.0;
    }
    if !sticky && count <= 15 && (-22..=22).contains(&exponent) {
        // Both operands are exact, so the one rounding of the product or quotient is the answer.
        let value = digits.iter().fold(0u64, |v, &d| v * 10 + u64::from(d)) as f64;
        let power = POWERS_OF_TEN
            .get(exponent.unsigned_abs() as usize)
            .copied()
            .unwrap_or(1.0);
        return if exponent >= 0 {
            value * power
        } else {
            value / power
        };
    }
    slow_nearest(&digits, exponent, sticky)
}

/// The exact path: the digits as a big integer, scaled by the power of ten, cut down to about 66
/// significant bits plus a flag for any bits below them, then rounded once.
fn slow_nearest(digits: &[u8], exponent: i64, mut sticky: bool) -> f64 {
    let mut number = vec![0u32];
    for &digit in digits {
        mul_add(&mut number, 10, u32::from(digit));
    }
    if exponent >= 0 {
        for _ in 0..exponent {
            mul_add(&mut number, 10, 0);
        }
        let length = bit_length(&number);
        let shift = length.saturating_sub(66);
        let (top, below) = top_bits(&number, shift);
        round(top, shift as i64, sticky || below)
    } else {
        let mut divisor = vec![1u32];
        for _ in 0..exponent.unsigned_abs() {
            mul_add(&mut divisor, 10, 0);
        }
        // Scale one side by a power of two so the quotient has 66 or 67 bits.
        let excess = bit_length(&number) as i64 - (bit_length(&divisor) as i64 + 66);
        let mut remainder = number;
        if excess > 0 {
            divisor = shifted_left(&divisor, excess.unsigned_abs() as usize);
        } else {
            remainder = shifted_left(&remainder, excess.unsigned_abs() as usize);
        }
        let steps = bit_length(&remainder).saturating_sub(bit_length(&divisor));
        let mut step_divisor = shifted_left(&divisor, steps);
        let mut quotient = 0u128;
        for _ in 0..=steps {
            quotient <<= 1;
            if !is_less(&remainder, &step_divisor) {
                subtract(&mut remainder, &step_divisor);
                quotient |= 1;
            }
            step_divisor = shifted_right_one(&step_divisor);
        }
        sticky |= remainder.iter().any(|&limb| limb != 0);
        round(quotient, excess, sticky)
    }
}

/// `value × 2^scale` (plus a little more when `sticky`) to the nearest double, ties to even.
fn round(value: u128, scale: i64, sticky: bool) -> f64 {
    if value == 0 {
        return 0.0;
    }
    let length = i64::from(128 - value.leading_zeros());
    let top_exponent = length - 1 + scale;
    if top_exponent > 1023 {
        return f64::INFINITY;
    }
    // 53 bits for a normal result, fewer below 2^-1022 (subnormal: the last bit is 2^-1074).
    let kept = if top_exponent >= -1022 {
        53
    } else {
        53 - (-1022 - top_exponent)
    };
    let dropped = length - kept;
    if dropped <= 0 {
        return compose(value as u64, scale);
    }
    if dropped > 127 {
        return 0.0;
    }
    let mut mantissa = value >> dropped;
    let rest = value & ((1u128 << dropped) - 1);
    let half = 1u128 << (dropped - 1);
    if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    compose(mantissa as u64, scale + dropped)
}

/// The double `mantissa × 2^scale`, which the rounding above made exactly representable.
fn compose(mantissa: u64, scale: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let length = i64::from(64 - mantissa.leading_zeros());
    let top_exponent = length - 1 + scale;
    if top_exponent > 1023 {
        return f64::INFINITY;
    }
    if top_exponent >= -1022 {
        let normalised = if length <= 53 {
            mantissa << (53 - length)
        } else {
            mantissa >> (length - 53)
        };
        let biased = (top_exponent + 1023) as u64;
        f64::from_bits((biased << 52) | (normalised & ((1 << 52) - 1)))
    } else {
        // Subnormal: the bits are the mantissa in units of 2^-1074.
        let units = scale + 1074;
        f64::from_bits(if units >= 0 {
            mantissa << units
        } else {
            mantissa >> -units
        })
    }
}

// Big unsigned integers as little-endian 32-bit limbs; only what the slow path needs.

fn mul_add(number: &mut Vec<u32>, factor: u32, addend: u32) {
    let mut carry = u64::from(addend);
    for limb in number.iter_mut() {
        let product = u64::from(*limb) * u64::from(factor) + carry;
        *limb = product as u32;
        carry = product >> 32;
    }
    if carry > 0 {
        number.push(carry as u32);
    }
}

fn bit_length(number: &[u32]) -> usize {
    number.iter().rposition(|&limb| limb != 0).map_or(0, |top| {
        top * 32 + 32 - number.get(top).map_or(32, |l| l.leading_zeros() as usize)
    })
}

fn bit(number: &[u32], index: usize) -> bool {
    number
        .get(index / 32)
        .is_some_and(|limb| limb >> (index % 32) & 1 == 1)
}

/// The bits from `shift` up, and whether any bit below `shift` is set.
fn top_bits(number: &[u32], shift: usize) -> (u128, bool) {
    let top = (shift..bit_length(number))
        .rev()
        .fold(0u128, |value, index| {
            value << 1 | u128::from(bit(number, index))
        });
    (top, (0..shift).any(|index| bit(number, index)))
}

fn shifted_left(number: &[u32], shift: usize) -> Vec<u32> {
    let mut out = vec![0u32; shift / 32];
    let bits = shift % 32;
    let mut carry = 0u32;
    for &limb in number {
        out.push(if bits == 0 {
            limb
        } else {
            limb << bits | carry
        });
        carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
    }
    out.push(carry);
    out
}

fn shifted_right_one(number: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; number.len()];
    for (index, slot) in out.iter_mut().enumerate() {
        let limb = number.get(index).copied().unwrap_or(0);
        let above = number.get(index + 1).copied().unwrap_or(0);
        *slot = limb >> 1 | above << 31;
    }
    out
}

fn is_less(a: &[u32], b: &[u32]) -> bool {
    let length = a.len().max(b.len());
    for index in (0..length).rev() {
        let (x, y) = (
            a.get(index).copied().unwrap_or(0),
            b.get(index).copied().unwrap_or(0),
        );
        if x != y {
            return x < y;
        }
    }
    false
}

/// `a -= b`, for `a >= b`.
fn subtract(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    for (index, limb) in a.iter_mut().enumerate() {
        let difference = i64::from(*limb) - i64::from(b.get(index).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(difference < 0);
        *limb = difference.rem_euclid(1 << 32) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    /// The standard library's parser (correctly rounded) is the independent expected value.
    fn check(text: &str) {
        let expected = text.parse::<f64>().ok();
        let got = parse_f64(text);
        assert_eq!(
            got.map(f64::to_bits),
            expected.map(f64::to_bits),
            "{text}: got {got:?}, std says {expected:?}"
        );
    }

    #[test]
    fn matches_the_standard_parser_on_hard_cases() {
        for text in [
            "0",
            "-0",
            "+0",
            "0.0",
            ".5",
            "5.",
            "5.e3",
            "-.5e-1",
            "1",
            "1764201600",
            "1764201600.5",
            "9007199254740993",
            "9007199254740992.5",
            "18014398509481985",
            "123456789012345678",
            "0.1",
            "0.3",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "8.5e22",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2e308",
            "1e400",
            "1e-400",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.4703282292062327208e-324",
            "1e-324",
            "3e-324",
            "0.1000000000000000055511151231257827",
            "0.10000000000000000555111512312578271",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.2057594037927933e16",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "000000000000000000000001",
            "1.000000000000000000000000000000000000000000000e0",
        ] {
            check(text);
            check(&format!("-{text}"));
        }
    }

    #[test]
    fn matches_the_standard_parser_past_800_digits() {
        // Halfway between 1 and the next double, then a nonzero digit far past the cut-off.
        let half = "1.00000000000000011102230246251565404236316680908203125";
        check(half);
        check(&format!("{half}{}1", "0".repeat(900)));
        check(&format!("{half}{}", "0".repeat(900)));
        check(&format!("{}e-900", "9".repeat(1000)));
    }

    #[test]
    fn matches_the_standard_parser_on_random_text() {
        let mut next = crate::test_random::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let int_digits = next() % 25;
            let frac_digits = next() % 25;
            let mut text: String = (0..int_digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if frac_digits > 0 || int_digits == 0 {
                text.push('.');
                text.extend(
                    (0..frac_digits.max(1)).map(|_| char::from(b'0' + (next() % 10) as u8)),
                );
            }
            if next() % 2 == 0 {
                text.push_str(&format!("e{}", (next() % 700) as i64 - 350));
            }
            check(&text);
        }
    }

    #[test]
    fn matches_the_standard_parser_near_every_kind_of_double() {
        // Random doubles (subnormals and extremes included) written with 14 to 24 digits: the
        // longer spellings sit very close to the values and to the halfway points between them.
        let mut next = crate::test_random::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let state = next();
            let value = f64::from_bits(state >> 1);
            if !value.is_finite() {
                continue;
            }
            check(&value.to_string());
            let digits = 13 + (state % 11) as usize;
            check(&format!("{value:.digits$e}"));
            let next = f64::from_bits(value.to_bits() + 1);
            if next.is_finite() {
                // Between two neighbours, written with 40 digits.
                check(&format!("{:.40e}", value / 2.0 + next / 2.0));
            }
        }
    }

    #[test]
    fn refuses_what_is_not_a_decimal_number() {
        for text in [
            "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1x", " 1", "1 ", "inf", "NaN", "0x10",
            "1_000", "--1",
        ] {
            assert_eq!(parse_f64(text), None, "{text}");
        }
    }
}
