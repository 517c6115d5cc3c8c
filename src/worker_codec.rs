//! The wire format between the app and its workers: compact bytes, as bincode writes them.
//!
//! bincode itself (gloo-worker's codec once) formats serde's `Unexpected` values in its errors;
//! that one Display impl kept core's whole float printer (Grisu, Dragon4, a bignum) in the app.
//! Both ends of every message are this crate's own types, so a decoding error is a bug, not bad
//! input: the error here carries no text, and nothing formats what went wrong.

use std::fmt;

use serde::de;
use serde::ser::{self, Serialize};

/// A message that would not encode or decode; which part failed is left out on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a worker message did not encode or decode")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

// Every provided method is overridden so that none of serde's message formatting is linked.
impl de::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Error
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn missing_field(_: &'static str) -> Self {
        Error
    }
    fn duplicate_field(_: &'static str) -> Self {
        Error
    }
}

/// Encodes a value: numbers little-endian, lengths and variant indices as u32, options and
/// booleans as one byte.
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Writer(Vec::new());
    value.serialize(&mut out)?;
    Ok(out.0)
}

/// Decodes what `to_bytes` wrote; trailing bytes are an error.
pub fn from_bytes<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let mut reader = Reader(bytes);
    let value = T::deserialize(&mut reader)?;
    if reader.0.is_empty() {
        Ok(value)
    } else {
        Err(Error)
    }
}

/// The id no request has: a frame with it is the worker saying it is ready for requests.
pub const READY_ID: u32 = 0;

/// A message on its way to or from a worker: the id of the request it belongs to, then the
/// message. A message that will not encode goes as the id alone, which the other side cannot
/// decode and reports.
pub fn framed<T: Serialize + ?Sized>(id: u32, value: &T) -> Vec<u8> {
    let mut out = Writer(id.to_le_bytes().to_vec());
    if value.serialize(&mut out).is_err() {
        out.0.truncate(4);
    }
    out.0
}

/// A frame's id and message bytes; None for a frame too short to hold an id.
pub fn unframed(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (id, body) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*id), body))
}

mod read;
mod write;

use read::Reader;
use write::Writer;

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Empty,
        Point(f32),
        Pair(i64, u8),
        Named { label: String, sides: Option<u16> },
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Message {
        id: usize,
        ratio: f64,
        flag: bool,
        letter: char,
        text: String,
        list: Vec<Shape>,
        tuple: (u32, String),
        map: std::collections::BTreeMap<String, i32>,
        nothing: (),
        bytes: Vec<u8>,
    }

    fn sample() -> Message {
        Message {
            id: 7,
            ratio: -0.1,
            flag: true,
            letter: 'é',
            text: "ünïcode and \"quotes\"".into(),
            list: vec![
                Shape::Empty,
                Shape::Point(1.5),
                Shape::Pair(-9_000_000_000, 255),
                Shape::Named {
                    label: "tri".into(),
                    sides: Some(3),
                },
                Shape::Named {
                    label: String::new(),
                    sides: None,
                },
            ],
            tuple: (u32::MAX, "x".into()),
            map: [("a".to_owned(), -1), ("b".to_owned(), 2)].into(),
            nothing: (),
            bytes: vec![0, 1, 254],
        }
    }

    #[test]
    fn every_kind_of_value_round_trips() {
        let bytes = to_bytes(&sample()).expect("encodes");
        assert_eq!(from_bytes::<Message>(&bytes), Ok(sample()));
    }

    #[test]
    fn the_crate_messages_round_trip() {
        use crate::cloud::protocol::CloudReply;
        let reply = CloudReply::Models(Ok(vec!["gpt-5-nano (shuts down 2026-12-11)".into()]));
        let bytes = to_bytes(&reply).expect("encodes");
        assert_eq!(from_bytes::<CloudReply>(&bytes), Ok(reply));
    }

    #[test]
    fn a_frame_is_the_id_then_the_message() {
        let frame = framed(7, &sample());
        assert_eq!(frame[..4], 7u32.to_le_bytes());
        let (id, body) = unframed(&frame).expect("an id");
        assert_eq!(id, 7);
        assert_eq!(from_bytes::<Message>(body), Ok(sample()));
        assert_eq!(unframed(&[1, 0, 0]), None);
        assert_eq!(unframed(&READY_ID.to_le_bytes()), Some((READY_ID, &[][..])));
    }

    #[test]
    fn truncated_extended_and_wrong_bytes_are_errors() {
        let bytes = to_bytes(&sample()).expect("encodes");
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(
                from_bytes::<Message>(&bytes[..cut]),
                Err(Error),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(from_bytes::<Message>(&longer), Err(Error));
        // A variant index past the enum's end, and a bool that is neither 0 nor 1.
        assert_eq!(from_bytes::<Shape>(&9u32.to_le_bytes()), Err(Error));
        assert_eq!(from_bytes::<bool>(&[2]), Err(Error));
        assert_eq!(from_bytes::<String>(&[2, 0, 0, 0, 0xff, 0xfe]), Err(Error));
    }
}
