//! An incremental parser for server-sent events, the framing of streamed chat completions.
//!
//! Network chunks split the stream anywhere: inside a line, between `\r` and `\n`, or inside a
//! multi-byte character. The parser keeps the unfinished line and the event's data as bytes and
//! decodes only whole events, so no split changes what comes out, and what it holds between
//! chunks is never more than the bytes it was given.

/// One dispatched event: its `event:` name (empty when none was given) and its data lines
/// joined with `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Event {
    /// OpenAI-compatible servers end the stream with a `data: [DONE]` event.
    pub fn is_done(&self) -> bool {
        self.data == "[DONE]"
    }
}

/// The parser's state between chunks.
#[derive(Debug, Default)]
pub struct SseParser {
    line: Vec<u8>,
    /// A `\r` ended the last chunk: a `\n` opening the next one belongs to the same line end.
    after_cr: bool,
    name: Vec<u8>,
    /// The event's data lines so far, joined with `\n`, and whether there was one.
    data: Vec<u8>,
    has_data: bool,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds one chunk and returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for &byte in chunk {
            if self.after_cr {
                self.after_cr = false;
                if byte == b'\n' {
                    continue;
                }
            }
            match byte {
                b'\r' => {
                    self.after_cr = true;
                    self.end_line(&mut events);
                }
                b'\n' => self.end_line(&mut events),
                _ => self.line.push(byte),
            }
        }
        events
    }

    /// Whether the stream stopped inside an event: a line or data not yet dispatched.
    pub fn is_mid_event(&self) -> bool {
        !self.line.is_empty() || self.has_data
    }

    /// The bytes held between chunks; never more than the bytes pushed so far.
    pub fn buffered_len(&self) -> usize {
        self.line.len() + self.name.len() + self.data.len()
    }

    fn end_line(&mut self, events: &mut Vec<Event>) {
        let line = std::mem::take(&mut self.line);
        if line.is_empty() {
            if self.has_data {
                events.push(Event {
                    name: String::from_utf8_lossy(&self.name).into_owned(),
                    data: String::from_utf8_lossy(&self.data).into_owned(),
                });
            }
            self.name.clear();
            self.data.clear();
            self.has_data = false;
            return;
        }
        if line.starts_with(b":") {
            return; // A comment: servers send these to keep the connection open.
        }
        let (field, value) = match line.iter().position(|&b| b == b':') {
            Some(colon) => {
                let value = &line[colon + 1..];
                (&line[..colon], value.strip_prefix(b" ").unwrap_or(value))
            }
            None => (line.as_slice(), &[][..]),
        };
        match field {
            b"data" => {
                // The separator only goes between lines, so the held bytes stay within the
                // line bytes (and their ends) that were pushed.
                if self.has_data {
                    self.data.push(b'\n');
                }
                self.data.extend_from_slice(value);
                self.has_data = true;
            }
            b"event" => self.name = value.to_vec(),
            _ => {} // `id` and `retry` mean nothing for a single request.
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STREAM: &str = ": keep-alive\r\n\
        data: {\"a\":1}\r\n\r\n\
        event: note\n\
        data: first line\n\
        data: second line é\n\n\
        id: 7\n\
        data:no-space\n\n\
        data: [DONE]\n\n";

    fn expected() -> Vec<Event> {
        let event = |name: &str, data: &str| Event {
            name: name.into(),
            data: data.into(),
        };
        vec![
            event("", "{\"a\":1}"),
            event("note", "first line\nsecond line é"),
            event("", "no-space"),
            event("", "[DONE]"),
        ]
    }

    #[test]
    fn a_whole_stream_gives_every_event_and_skips_comments() {
        let mut parser = SseParser::new();
        let events = parser.push(STREAM.as_bytes());
        assert_eq!(events, expected());
        assert!(events.last().is_some_and(Event::is_done));
        assert!(!parser.is_mid_event());
    }

    #[test]
    fn splitting_the_stream_at_every_byte_changes_nothing() {
        let bytes = STREAM.as_bytes();
        for cut in 0..=bytes.len() {
            let mut parser = SseParser::new();
            let mut events = parser.push(&bytes[..cut]);
            events.extend(parser.push(&bytes[cut..]));
            assert_eq!(events, expected(), "cut at byte {cut}");
        }
        let mut parser = SseParser::new();
        let events: Vec<Event> = bytes.iter().flat_map(|b| parser.push(&[*b])).collect();
        assert_eq!(events, expected(), "one byte at a time");
    }

    #[test]
    fn a_stream_cut_midway_is_noticed() {
        let mut parser = SseParser::new();
        let events = parser.push(b"data: {\"a\":1}\n\ndata: {\"b\"");
        assert_eq!(events.len(), 1);
        assert!(parser.is_mid_event());
        let mut parser = SseParser::new();
        parser.push(b"data: {\"a\":1}\n");
        assert!(
            parser.is_mid_event(),
            "data without the blank line is not dispatched"
        );
    }
}
