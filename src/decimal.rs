//! Decimal numbers as people type and read them, without core's float parser and printer.
//!
//! `f64::from_str` brings a 10 KB table of powers of five and `{}`/`{:.2}` on a float bring
//! Grisu, Dragon4 and a bignum: together about a tenth of the app bundle. The numbers this app
//! reads (a cost field, a share link) have a few significant digits, and the ones it prints are
//! rounded for people, so integer arithmetic on a scaled value is exact enough and much smaller.

use std::fmt;

/// The most decimal places `Fixed` prints; `Plain` prints up to this many and trims zeros.
pub const MAX_PLACES: u8 = 9;

/// Exact powers of ten: every one up to 10^22 is representable, so one multiplication or
/// division by them rounds correctly (Clinger's fast path).
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a plain decimal: an optional sign, digits with an optional point (`5`, `2.5`, `.5`,
/// `5.`), and an optional exponent (`1e6`, `2.5E-3`). Spaces, `inf` and `NaN` are refused.
///
/// Up to 15 significant digits and exponents within ±22 of them give the correctly rounded
/// value; beyond that the result may be off in its last bit or two, which no field here shows.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                // Digits past the 19th no longer fit; they only scale the value.
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        let rest = text.get(i + 1..)?;
        let (sign, body) = match rest.as_bytes().first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        if body.is_empty() || body.len() > 4 || !body.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut value = 0i32;
        for b in body.bytes() {
            value = value * 10 + i32::from(b - b'0');
        }
        exponent += sign * value;
    } else if i != bytes.len() {
        return None;
    }
    let magnitude = scale(mantissa as f64, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// `value × 10^exponent`, exact in one step where the power is, else in steps of 10^22.
fn scale(mut value: f64, mut exponent: i32) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    while exponent > 22 {
        value *= 1e22;
        exponent -= 22;
    }
    while exponent < -22 {
        value /= 1e22;
        exponent += 22;
    }
    let power = EXACT_POWERS[exponent.unsigned_abs() as usize];
    if exponent < 0 {
        value / power
    } else {
        value * power
    }
}

/// A number with a fixed count of decimal places (at most `MAX_PLACES`), rounded half away
/// from zero; `-0.00` is written `0.00`. Honours width and alignment like `{:>8}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed(pub f64, pub u8);

/// The shortest of `Fixed(value, MAX_PLACES)`: trailing zeros and a bare point are dropped, so
/// `2.5` stays `2.5` and `3.0` becomes `3`. Values typed with up to nine places read back equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plain(pub f64);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&write_fixed(self.0, self.1.min(MAX_PLACES), false))
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&write_fixed(self.0, MAX_PLACES, true))
    }
}

fn write_fixed(value: f64, places: u8, trim: bool) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    let unit = 10u64.pow(u32::from(places));
    let scaled = (value.abs() * unit as f64).round();
    if scaled.is_infinite() {
        return if value < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    let mut out = String::new();
    // Past u64 the places are below f64's precision anyway: print the whole part alone.
    let (whole, fraction) = if scaled < 18_000_000_000_000_000_000.0 {
        let scaled = scaled as u64;
        (u128::from(scaled / unit), scaled % unit)
    } else {
        (value.abs() as u128, 0)
    };
    if value < 0.0 && (whole != 0 || fraction != 0) {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if places > 0 && !(trim && fraction == 0) {
        let digits = fraction.to_string();
        out.push('.');
        for _ in digits.len()..usize::from(places) {
            out.push('0');
        }
        out.push_str(&digits);
        if trim {
            let kept = out.trim_end_matches('0').len();
            out.truncate(kept);
        }
    }
    out
}

/// Groups a whole number's digits in threes: 600000 becomes "600,000".
pub fn grouped(value: f64) -> String {
    let whole = value.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats US dollars: fractions of a cent in full, cents below $100, whole dollars above.
pub fn dollars(amount: f64) -> String {
    let magnitude = amount.abs();
    if magnitude > 0.0 && magnitude < 0.01 {
        // Per-request prices are fractions of a cent; six places keep three significant digits.
        let text = Fixed(amount, 6).to_string();
        format!("${}", text.trim_end_matches('0'))
    } else if magnitude < 100.0 {
        format!("${}", Fixed(amount, 2))
    } else if amount < 0.0 {
        format!("-${}", grouped(magnitude))
    } else {
        format!("${}", grouped(amount))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        let cases: &[(&str, Option<f64>)] = &[
            ("0", Some(0.0)),
            ("5", Some(5.0)),
            ("2.5", Some(2.5)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("+7", Some(7.0)),
            ("-0.15", Some(-0.15)),
            ("0.000195", Some(0.000195)),
            ("1e6", Some(1e6)),
            ("2.5E-3", Some(2.5e-3)),
            ("100000000", Some(1e8)),
            ("12345678901234567890123", Some(1.2345678901234568e22)),
            ("", None),
            (".", None),
            ("-", None),
            ("1.2.3", None),
            ("1e", None),
            ("1e+", None),
            ("1 000", None),
            (" 5", None),
            ("5 ", None),
            ("inf", None),
            ("NaN", None),
            ("0x10", None),
            ("1e99999", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), *expected, "{text}");
        }
    }

    #[test]
    fn short_decimals_parse_exactly_as_the_standard_parser_does() {
        // Every value with up to four digits before and six after the point, sampled.
        for whole in [0u64, 1, 9, 10, 99, 123, 4096, 9999] {
            for fraction in [0u64, 1, 5, 15, 195, 3333, 999_999, 123_456] {
                let text = format!("{whole}.{fraction:06}");
                assert_eq!(parse(&text), text.parse::<f64>().ok(), "{text}");
            }
        }
    }

    #[test]
    fn fixed_places_round_like_people_expect() {
        let cases: &[(f64, u8, &str)] = &[
            (0.0, 2, "0.00"),
            (1.0, 0, "1"),
            (2.345, 1, "2.3"),
            (2.35, 1, "2.4"),
            (-2.35, 1, "-2.4"),
            (-0.001, 2, "0.00"),
            (0.000195, 6, "0.000195"),
            (99.995, 2, "100.00"),
            (1234.5678, 2, "1234.57"),
            (0.5, 0, "1"),
            (1e20, 1, "100000000000000000000.0"),
            (f64::NAN, 2, "NaN"),
            (f64::INFINITY, 2, "inf"),
            (f64::NEG_INFINITY, 0, "-inf"),
        ];
        for &(value, places, expected) in cases {
            assert_eq!(
                Fixed(value, places).to_string(),
                expected,
                "{value} {places}"
            );
        }
        assert_eq!(format!("[{:>7}]", Fixed(1.23456, 2)), "[   1.23]");
    }

    #[test]
    fn plain_trims_and_reads_back() {
        let cases: &[(f64, &str)] = &[
            (3.0, "3"),
            (2.5, "2.5"),
            (0.15, "0.15"),
            (0.1 + 0.2, "0.3"),
            (-4.25, "-4.25"),
            (100_000_000.0, "100000000"),
            (0.000195, "0.000195"),
        ];
        for &(value, expected) in cases {
            assert_eq!(Plain(value).to_string(), expected, "{value}");
        }
        for text in ["0.15", "2.5", "12.125", "99999.123456789", "0.000000001"] {
            let value = parse(text).expect("a number");
            assert_eq!(Plain(value).to_string(), text);
            assert_eq!(parse(&Plain(value).to_string()), Some(value));
        }
    }
}
