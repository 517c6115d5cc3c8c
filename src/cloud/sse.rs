//! An incremental parser for server-sent events, the framing of streamed chat completions.
//!
//! Network chunks split the stream anywhere: inside a line, between `\r` and `\n`, or inside a
//! multi-byte character. The parser keeps the unfinished line as bytes and decodes only whole
//! lines, so no split changes what comes out.

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
    name: String,
    data: Vec<String>,
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
        !self.line.is_empty() || !self.data.is_empty()
    }

    fn end_line(&mut self, events: &mut Vec<Event>) {
        let line = String::from_utf8_lossy(&std::mem::take(&mut self.line)).into_owned();
        if line.is_empty() {
            if !self.data.is_empty() {
                events.push(Event {
                    name: std::mem::take(&mut self.name),
                    data: std::mem::take(&mut self.data).join("\n"),
                });
            }
            self.name.clear();
            return;
        }
        if line.starts_with(':') {
            return; // A comment: servers send these to keep the connection open.
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line.as_str(), ""),
        };
        match field {
            "data" => self.data.push(value.to_owned()),
            "event" => self.name = value.to_owned(),
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
