//! When a failed cloud call is tried again: bounded attempts, Retry-After honoured, backoff.

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
    fn the_reported_error_counts_the_attempts() {
        let error = with_attempts(limited(Some(1.0)), 3);
        assert!(error.to_string().contains("after 3 attempts"), "{error}");
        assert!(
            error.to_string().contains("1 s between attempts"),
            "{error}"
        );
    }
}
