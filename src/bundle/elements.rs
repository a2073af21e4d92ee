//! A JSON array read element by element from a stream (records/inspections.json), so an import
//! holds a batch of records at a time instead of the whole entry and everything parsed from it
//! (issue 16: a district year held 322 MB). The scanner only finds where each element ends (a
//! comma or the closing bracket outside strings and nested brackets); serde_json then parses
//! each element on its own, so what is accepted is exactly a JSON array of valid elements.

use serde::de::DeserializeOwned;

/// Elements parsed and handed on together: small enough that a batch of a district year's
/// inspections with their answers is about a megabyte, and that the threads sharing an
/// import's work (src/bundle/relay.rs) take turns often.
pub(super) const BATCH: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the opening bracket.
    Start,
    /// After the opening bracket: an element or the closing bracket.
    First,
    /// After a comma: an element.
    Next,
    Element,
    /// After the closing bracket: only whitespace.
    End,
}

/// Splits a JSON array into its elements' text, fed in chunks of any size.
#[derive(Debug)]
pub(super) struct Splitter {
    state: State,
    depth: u64,
    in_string: bool,
    escape: bool,
    current: Vec<u8>,
    /// Elements completed so far.
    pub(super) count: usize,
}

fn whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Splitter {
    pub(super) fn new() -> Splitter {
        Splitter {
            state: State::Start,
            depth: 0,
            in_string: false,
            escape: false,
            current: Vec::new(),
            count: 0,
        }
    }

    /// Scans `chunk`, pushing the text of each element that ends in it onto `out`.
    pub(super) fn feed(&mut self, chunk: &[u8], out: &mut Vec<Vec<u8>>) -> Result<(), String> {
        let mut i = 0;
        while i < chunk.len() {
            let b = chunk[i];
            match self.state {
                State::Start if whitespace(b) => i += 1,
                State::Start if b == b'[' => {
                    self.state = State::First;
                    i += 1;
                }
                State::Start => return Err("expected a JSON array".into()),
                State::First | State::Next if whitespace(b) => i += 1,
                State::First if b == b']' => {
                    self.state = State::End;
                    i += 1;
                }
                State::First | State::Next => self.state = State::Element,
                State::End if whitespace(b) => i += 1,
                State::End => return Err("text after the array".into()),
                State::Element => {
                    let start = i;
                    let mut ended = None;
                    while i < chunk.len() {
                        if self.in_string && !self.escape {
                            // Most of a record is text: straight to where the string may end.
                            match memchr::memchr2(b'"', b'\\', &chunk[i..]) {
                                Some(at) => i += at,
                                None => {
                                    i = chunk.len();
                                    break;
                                }
                            }
                        }
                        let b = chunk[i];
                        i += 1;
                        if self.in_string {
                            if self.escape {
                                self.escape = false;
                            } else if b == b'\\' {
                                self.escape = true;
                            } else if b == b'"' {
                                self.in_string = false;
                            }
                            continue;
                        }
                        match b {
                            b'"' => self.in_string = true,
                            b'[' | b'{' => self.depth += 1,
                            // A closing brace with nothing open stays in the element, whose
                            // parse then fails.
                            b'}' => self.depth = self.depth.saturating_sub(1),
                            b']' if self.depth > 0 => self.depth -= 1,
                            b',' if self.depth > 0 => {}
                            b']' | b',' => {
                                ended = Some(b);
                                break;
                            }
                            _ => {}
                        }
                    }
                    let end = if ended.is_some() { i - 1 } else { i };
                    self.current.extend_from_slice(&chunk[start..end]);
                    if let Some(b) = ended {
                        out.push(std::mem::take(&mut self.current));
                        self.count += 1;
                        self.state = if b == b']' { State::End } else { State::Next };
                    }
                }
            }
        }
        Ok(())
    }

    /// Called after the last chunk: the array must have been closed.
    pub(super) fn finish(&self) -> Result<(), String> {
        if self.state == State::End {
            Ok(())
        } else {
            Err("the array is cut short".into())
        }
    }
}

/// Parses the elements' text, in order. `first` is the number of elements before these, so
/// that an error names its element (from 1). An import parses on its reading thread, beside
/// the write (src/bundle/inspections.rs), so this takes one core.
pub(super) fn parse_batch<T: DeserializeOwned>(
    texts: &[Vec<u8>],
    first: usize,
) -> Result<Vec<T>, String> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            serde_json::from_slice(text).map_err(|e| format!("element {}: {e}", first + i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole text fed in chunks of `size` bytes, then parsed.
    fn split(text: &str, size: usize) -> Result<Vec<serde_json::Value>, String> {
        let mut s = Splitter::new();
        let mut texts = Vec::new();
        for chunk in text.as_bytes().chunks(size.max(1)) {
            s.feed(chunk, &mut texts)?;
        }
        s.finish()?;
        parse_batch(&texts, 0)
    }

    #[test]
    fn elements_are_found_across_chunks_of_any_size() {
        let text = r#" [ {"a": "x,]\"}", "b": [1, [2]]}, 3 , "s\\" ,[] ,{}] "#;
        let whole: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
        for size in [1, 2, 3, 7, 1000] {
            assert_eq!(split(text, size).unwrap(), whole, "chunks of {size}");
        }
        assert_eq!(split("[]", 1).unwrap(), Vec::<serde_json::Value>::new());
        let many = format!("[{}]", vec!["{\"k\": 1}"; 40].join(","));
        assert_eq!(split(&many, 5).unwrap().len(), 40);
    }

    proptest::proptest! {
        #[test]
        fn texts_with_quotes_and_escapes_split_as_they_parse(
            texts in proptest::collection::vec("[a-z\"\\\\\\[\\]{},: 检]{0,12}", 0..12),
            size in 1usize..40,
        ) {
            let values: Vec<serde_json::Value> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| match i % 3 {
                    0 => serde_json::json!(t),
                    1 => serde_json::json!({ t.as_str(): [t, {"n": i}] }),
                    _ => serde_json::json!([t, [t]]),
                })
                .collect();
            let text = serde_json::to_string(&values).unwrap();
            proptest::prop_assert_eq!(split(&text, size).unwrap(), values);
        }
    }

    #[test]
    fn only_a_json_array_of_valid_elements_is_accepted_and_an_error_names_its_element() {
        let err = split("[1, 2, 3, \"four, 5]", 4).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
        let err = split("[1, 2, 3, {\"a\" 4}, 5]", 4).unwrap_err();
        assert!(err.starts_with("element 4: "), "{err}");
        for bad in [
            "", "{}", "[1, 2", "[1,]", "[,1]", "[1 2]", "[1}", "[1] x", "[1]]", "[{]}]", "x[1]",
        ] {
            for size in [1, 3, 100] {
                assert!(split(bad, size).is_err(), "{bad:?} in chunks of {size}");
                assert!(serde_json::from_str::<Vec<serde_json::Value>>(bad).is_err());
            }
        }
    }
}
