//! When a failed cloud call is tried again: bounded attempts, the server's wait honoured
//! (`retry-after-ms`, `Retry-After`, or the reset of an exhausted `x-ratelimit` limit), backoff.

use super::error::CloudError;

/// Attempts in all, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// The first backoff; it doubles with each attempt.
pub const BASE_BACKOFF_MS: u32 = 500;
/// A Retry-After longer than this is not waited out: the visitor is told instead.
pub const MAX_WAIT_MS: u32 = 20_000;

/// How long to wait before the next attempt after `attempt` attempts failed with `error`, or
/// None to stop and report.
pub fn delay_ms(error: &CloudError, attempt: u32) -> Option<u32> {
    if attempt >= MAX_ATTEMPTS || !error.is_transient() {
        return None;
    }
    let backoff = BASE_BACKOFF_MS.saturating_mul(1 << (attempt.saturating_sub(1)).min(10));
    let wait = match error {
        CloudError::RateLimited {
            retry_after_s: Some(seconds),
            ..
        } => (seconds * 1000.0).ceil().min(f64::from(u32::MAX)) as u32,
        _ => backoff,
    };
    (wait <= MAX_WAIT_MS).then_some(wait)
}

/// The wait a 429 or 503 asks for, in seconds, from its headers (`header` looks one up by its
/// lower-case name). Azure OpenAI sends `retry-after-ms` beside or instead of `Retry-After`,
/// and it is the more precise, so it comes first (as in OpenAI's and Azure's own SDKs). Without
/// either, a limit whose `x-ratelimit-remaining-*` is 0 resets after its `x-ratelimit-reset-*`.
/// An HTTP date is not read: the backoff then applies instead.
pub fn wait_from_headers(header: impl Fn(&str) -> Option<String>) -> Option<f64> {
    if let Some(ms) = header("retry-after-ms").and_then(|v| seconds(&v)) {
        return Some(ms / 1000.0);
    }
    if let Some(s) = header("retry-after").and_then(|v| seconds(&v)) {
        return Some(s);
    }
    ["requests", "tokens"]
        .into_iter()
        .filter(|limit| {
            header(&format!("x-ratelimit-remaining-{limit}")).is_some_and(|v| v.trim() == "0")
        })
        .filter_map(|limit| {
            header(&format!("x-ratelimit-reset-{limit}")).and_then(|v| duration_s(&v))
        })
        .reduce(f64::max)
}

/// A plain non-negative number.
fn seconds(value: &str) -> Option<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
}

/// An `x-ratelimit-reset-*` value: OpenAI writes Go durations (`1s`, `6m0s`, `20ms`,
/// `1h2m3.5s`); Azure has sent plain seconds.
fn duration_s(value: &str) -> Option<f64> {
    let value = value.trim();
    if let Some(s) = seconds(value) {
        return Some(s);
    }
    let mut total = 0.0;
    let mut rest = value;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|&end| end > 0)?;
        let number = seconds(&rest[..number_end])?;
        rest = &rest[number_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_end] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            _ => return None,
        };
        total += number * scale;
        rest = &rest[unit_end..];
    }
    (!value.is_empty() && total.is_finite()).then_some(total)
}

/// The error to report once retries stop, saying how many attempts were made.
pub fn with_attempts(error: CloudError, attempts: u32) -> CloudError {
    match error {
        CloudError::RateLimited { retry_after_s, .. } => CloudError::RateLimited {
            retry_after_s,
            attempts,
        },
        CloudError::Server { status, .. } => CloudError::Server { status, attempts },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(seconds: Option<f64>) -> CloudError {
        CloudError::RateLimited {
            retry_after_s: seconds,
            attempts: 1,
        }
    }

    #[test]
    fn the_schedule_honours_retry_after_backs_off_and_stops() {
        let server = CloudError::Server {
            status: 503,
            attempts: 1,
        };
        let cases: &[(CloudError, u32, Option<u32>)] = &[
            (limited(Some(2.0)), 1, Some(2_000)),
            (limited(Some(0.25)), 2, Some(250)),
            (limited(None), 1, Some(500)),
            (limited(None), 2, Some(1_000)),
            (limited(Some(60.0)), 1, None),
            (limited(Some(1.0)), MAX_ATTEMPTS, None),
            (server.clone(), 1, Some(500)),
            (server.clone(), 2, Some(1_000)),
            (server, 3, None),
            (CloudError::Unauthorized(401), 1, None),
            (CloudError::StreamCut, 1, None),
            (CloudError::Timeout(30), 1, None),
        ];
        for (error, attempt, expected) in cases {
            assert_eq!(
                delay_ms(error, *attempt),
                *expected,
                "{error:?} after {attempt}"
            );
        }
    }

    #[test]
    fn the_wait_comes_from_retry_after_ms_then_retry_after_then_an_exhausted_limit() {
        fn with(pairs: &[(&str, &str)]) -> Option<f64> {
            wait_from_headers(|name| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            })
        }
        type Headers<'a> = &'a [(&'a str, &'a str)];
        let cases: &[(Headers, Option<f64>)] = &[
            (
                &[("retry-after-ms", "250"), ("retry-after", "1")],
                Some(0.25),
            ),
            (&[("retry-after-ms", "1500")], Some(1.5)),
            (&[("retry-after", "2")], Some(2.0)),
            (
                &[("retry-after-ms", "soon"), ("retry-after", "3")],
                Some(3.0),
            ),
            (
                &[
                    ("x-ratelimit-remaining-requests", "0"),
                    ("x-ratelimit-reset-requests", "1s"),
                    ("x-ratelimit-remaining-tokens", "5000"),
                    ("x-ratelimit-reset-tokens", "6m0s"),
                ],
                Some(1.0),
            ),
            (
                &[
                    ("x-ratelimit-remaining-tokens", "0"),
                    ("x-ratelimit-reset-tokens", "1m30.5s"),
                ],
                Some(90.5),
            ),
            (
                &[
                    ("x-ratelimit-remaining-tokens", "0"),
                    ("x-ratelimit-reset-tokens", "20ms"),
                ],
                Some(0.02),
            ),
            (
                &[
                    ("x-ratelimit-remaining-tokens", "0"),
                    ("x-ratelimit-reset-tokens", "7"),
                ],
                Some(7.0),
            ),
            (
                &[
                    ("x-ratelimit-remaining-tokens", "0"),
                    ("x-ratelimit-reset-tokens", "6 minutes"),
                ],
                None,
            ),
            (&[("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT")], None),
            (&[("retry-after", "-1")], None),
            (&[], None),
        ];
        for (headers, expected) in cases {
            let got = with(headers);
            assert!(
                match (got, expected) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                    (None, None) => true,
                    _ => false,
                },
                "{headers:?}: {got:?}"
            );
        }
        // A wait in milliseconds is honoured within the cap, and said in milliseconds.
        let error = CloudError::RateLimited {
            retry_after_s: with(&[("retry-after-ms", "250")]),
            attempts: 1,
        };
        assert_eq!(delay_ms(&error, 1), Some(250));
        assert!(
            with_attempts(error, 3)
                .to_string()
                .contains("250 ms between"),
            "milliseconds are named"
        );
        let too_long = CloudError::RateLimited {
            retry_after_s: with(&[("retry-after-ms", "60000")]),
            attempts: 1,
        };
        assert_eq!(delay_ms(&too_long, 1), None);
    }

    #[test]
    fn an_exhausted_quota_is_never_retried() {
        assert_eq!(delay_ms(&CloudError::QuotaExhausted, 1), None);
    }

    #[test]
    fn the_reported_error_counts_the_attempts() {
        let error = with_attempts(limited(Some(1.0)), 3);
        assert!(error.to_string().contains("after 3 attempts"), "{error}");
        assert!(
            error.to_string().contains("1 s between attempts"),
            "{error}"
        );
    }
}
